package dev.logflow.loader.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.follow.FlumeDirectory;
import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.DeadLetterFactory;
import dev.logflow.loader.support.FlumeFiles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: while MongoDB was down the writer took no batch, the reader waited for room in the queue and stopped
 * measuring, so {@code lagBytes} froze at its value of the first seconds of the outage although Flume kept writing.
 * A user watching the lag saw a loader that looked caught up with a stream it was no longer storing.
 */
class LagFrozeWhileWriterBlockedTest {

    private static final long START = 1_764_784_800_000L;

    @TempDir
    Path dir;

    private static LoaderConfig config() {
        return (LoaderConfig) Proxy.newProxyInstance(
                LoaderConfig.class.getClassLoader(),
                new Class<?>[] {LoaderConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "readBufferBytes" -> 1 << 16;
                    case "pollInterval" -> Duration.ofMillis(20);
                    case "batchMaxDelay" -> Duration.ofMillis(20);
                    case "truncatedLineGrace" -> Duration.ofSeconds(10);
                    case "deleteLoadedFiles" -> false;
                    case "retention" -> Duration.ofHours(1);
                    case "retentionCheckInterval" -> Duration.ofSeconds(30);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String events(int from, int count) {
        StringBuilder lines = new StringBuilder();
        for (int seq = from; seq < from + count; seq++) {
            lines.append(FlumeFiles.event("gen-lag-" + seq, "2026-12-03T18:04:05.123Z", "checkout", "INFO", 200));
        }
        return lines.toString();
    }

    @Test
    void lagKeepsGrowingWhileTheWriterTakesNoBatch() throws Exception {
        FlumeFiles files = new FlumeFiles(dir);
        Path file = files.append(START, 1, events(1, 10));
        LoaderMetrics metrics = new LoaderMetrics(new SimpleMeterRegistry());
        LineCollector collector =
                new LineCollector(new LineParser("apache")::parse, new DeadLetterFactory(4096), metrics, 2, 1 << 20);
        BlockingQueue<Batch> stuckWriter = new ArrayBlockingQueue<>(1);
        LoopControl control = new LoopControl();
        FileFollower follower = new FileFollower(
                config(),
                new FlumeDirectory(dir, "events-"),
                collector,
                stuckWriter,
                new CommittedFiles(List.of()),
                metrics,
                control);
        Thread reader = new Thread(follower, "lag-test-reader");
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> stuckWriter.remainingCapacity() == 0);
            files.append(START, 2, events(11, 50));

            long flumeWrote = size(file) + size(files.path(START, 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.lagBytes.get() == flumeWrote);
            assertEquals(
                    flumeWrote,
                    metrics.snapshot("loader-test", dir.toString(), true).lagBytes());
        } finally {
            control.stop();
            reader.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private static long size(Path file) throws IOException {
        return Files.size(file);
    }
}
