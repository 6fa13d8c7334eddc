package dev.logflow.loader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.follow.FlumeFile;
import dev.logflow.loader.model.Checkpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    private static final long NOW = System.currentTimeMillis();
    private static final long TWO_HOURS_AGO = NOW - Duration.ofHours(2).toMillis();

    @TempDir
    Path dir;

    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<FlumeFile> files = new ArrayList<>();

    private static LoaderConfig config() {
        return (LoaderConfig) Proxy.newProxyInstance(
                LoaderConfig.class.getClassLoader(),
                new Class<?>[] {LoaderConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "deleteLoadedFiles" -> true;
                    case "retention" -> Duration.ofHours(1);
                    case "retentionCheckInterval" -> Duration.ZERO;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Path file(int n, long modified, boolean complete) throws IOException {
        Path path = Files.writeString(dir.resolve("events-1-" + n), "x\n");
        files.add(new FlumeFile(path, path.getFileName().toString(), 1, n, 2, modified));
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.file = path.getFileName().toString();
        checkpoint.offset = 2;
        checkpoint.complete = complete;
        checkpoints.add(checkpoint);
        return path;
    }

    @Test
    void deletesOnlyCompleteFilesOlderThanTheRetentionAndNeverTheNewest() throws IOException {
        Path oldComplete = file(1, TWO_HOURS_AGO, true);
        Path oldIncomplete = file(2, TWO_HOURS_AGO, false);
        Path recentComplete = file(3, NOW, true);
        Path newest = file(4, TWO_HOURS_AGO, true);
        LoaderMetrics metrics = new LoaderMetrics(new SimpleMeterRegistry());

        new Retention(config(), new CommittedFiles(checkpoints), metrics).sweep(files);

        assertFalse(Files.exists(oldComplete));
        assertTrue(Files.exists(oldIncomplete));
        assertTrue(Files.exists(recentComplete));
        assertTrue(Files.exists(newest));
        assertEquals(1, metrics.filesDeleted.get());
    }
}
