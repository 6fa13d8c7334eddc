package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MongoDB far slower than the stream: the loader falls behind in Flume's files while what it holds in memory stays
 * within its batch queue, and once MongoDB is fast again every event is stored exactly once.
 */
class SlowMongoIT {

    private static final int EVENTS = 60_000;
    private static final int EVENTS_PER_SECOND = 10_000;
    private static final int BATCH_SIZE = 500;
    private static final int QUEUE_CAPACITY = 4;
    /**
     * Lines the loader may hold between reading and storing: the queue full of batches, plus the batch it is filling
     * and the one being written. A loader that buffered its backlog would go far beyond.
     */
    private static final long READ_AHEAD_BOUND = (QUEUE_CAPACITY + 2L) * BATCH_SIZE;
    /**
     * Per connection and direction: a batch of 500 events (over 150 KB of BSON) then takes seconds to store; two runs
     * stored 3 batches in the slow phase.
     */
    private static final long SLOW_BYTES_PER_SECOND = 64 * 1024;
    /** How long the loader is still watched while MongoDB is slow, once the generator delivered everything to Flume. */
    private static final Duration SLOW_PHASE = Duration.ofSeconds(10);

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);
    private static final Duration GENERATOR_TIMEOUT = Duration.ofMinutes(3);

    private ThrottlingProxy proxy;
    private Pipeline pipeline;
    private StoredEvents stored;

    @AfterEach
    void stop() {
        if (stored != null) {
            stored.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void loaderFallsBehindWithinItsQueueWhileMongoIsSlowAndStoresEveryEventOnceItIsFastAgain() {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/slow-mongo"));
        proxy = ThrottlingProxy.start(64, Duration.ofMinutes(20));
        pipeline = new Pipeline(layout, loaderBehindProxy(PipelineOptions.isolated(workDir)));
        pipeline.startMongo();
        proxy.forwardTo(
                "127.0.0.1", URI.create(pipeline.mongoConnectionString()).getPort());
        pipeline.startFlume();
        pipeline.startLoader();
        pipeline.startGenerator();
        stored = new StoredEvents(pipeline.mongoConnectionString());
        PipelineDriver driver = new PipelineDriver(pipeline);
        HeapReading idle = loaderHeap();

        proxy.limit(SLOW_BYTES_PER_SECOND);
        String source =
                driver.startRun(EVENTS_PER_SECOND, EVENTS).path("source").asText();
        List<Sample> slow = watchUntilGeneratorDoneAndThen(driver, SLOW_PHASE);
        HeapReading behind = loaderHeap();
        Sample end = Sample.of(driver.loaderStatus());
        slow.add(end);
        long storedWhileSlow = stored.events();
        proxy.unlimited();
        PipelineDriver.await("every event stored", Duration.ofMinutes(5), stored::events, n -> n >= EVENTS);
        JsonNode loader = driver.awaitLoaderIdle(Duration.ofMinutes(1));

        long lineBytes =
                loader.path("bytesRead").asLong() / loader.path("linesRead").asLong();
        long peakLag = slow.stream().mapToLong(Sample::lagBytes).max().orElseThrow();
        long peakReadAhead = slow.stream().mapToLong(Sample::readAhead).max().orElseThrow();
        long peakDepth = slow.stream().mapToLong(Sample::queueDepth).max().orElseThrow();
        long heldBytes = behind.usedBytes() - idle.usedBytes();
        assertThat(storedWhileSlow).as("events stored while MongoDB was slow").isLessThan(EVENTS / 2);
        assertThat(end.lagBytes())
                .as("lag in bytes at the end of the slow phase: at least half the run waits in Flume's files")
                .isGreaterThan(EVENTS / 2 * lineBytes);
        assertThat(peakReadAhead).as("lines read but not yet stored").isLessThanOrEqualTo(READ_AHEAD_BOUND);
        assertThat(peakDepth)
                .as("batches queued: the reader waited on a full queue")
                .isEqualTo(QUEUE_CAPACITY);
        assertThat(end.queueCapacity()).isEqualTo(QUEUE_CAPACITY);
        assertThat(heldBytes)
                .as("heap the loader gained while behind (after a full GC), against the backlog's bytes in Flume's"
                        + " files")
                .isLessThan(end.lagBytes());
        assertThat(pipeline.process("loader-svc").isAlive()).isTrue();

        DeliveryCheck check = DeliveryCheck.measure(stored, driver, source, EVENTS);
        FaultOutcomes.record(check.outcome(
                "MongoDB slow",
                "memory",
                loader.path("duplicates").asLong(),
                String.format(
                        "loader's MongoDB link capped at %d KiB/s from the start of the run until %d s after Flume"
                                + " acknowledged it: %d stored meanwhile, lag up to %d KB, read-ahead up to %d lines"
                                + " (bound %d), queue up to %d of %d batches, heap after a full GC %d MB behind"
                                + " against %d MB idle (-Xmx %d MB)",
                        SLOW_BYTES_PER_SECOND / 1024,
                        SLOW_PHASE.toSeconds(),
                        storedWhileSlow,
                        peakLag / 1000,
                        peakReadAhead,
                        READ_AHEAD_BOUND,
                        peakDepth,
                        QUEUE_CAPACITY,
                        behind.usedBytes() >> 20,
                        idle.usedBytes() >> 20,
                        behind.maxBytes() >> 20)));
        check.assertEveryEventExactlyOnce();
    }

    private HeapReading loaderHeap() {
        return HeapReading.afterFullGc(pipeline.process("loader-svc").pid(), pipeline.loaderUrl());
    }

    private PipelineOptions loaderBehindProxy(PipelineOptions options) {
        String viaProxy = "mongodb://127.0.0.1:" + proxy.port();
        return options.withServiceProperty("loader-svc", "quarkus.mongodb.connection-string", viaProxy)
                .withServiceProperty("loader-svc", "logflow.loader.batch-size", Integer.toString(BATCH_SIZE))
                .withServiceProperty("loader-svc", "logflow.loader.queue-capacity", Integer.toString(QUEUE_CAPACITY));
    }

    /** Samples the loader's status until Flume acknowledged the whole run, then for {@code after}. */
    private List<Sample> watchUntilGeneratorDoneAndThen(PipelineDriver driver, Duration after) {
        List<Sample> samples = new ArrayList<>();
        Instant deadline = Instant.now().plus(GENERATOR_TIMEOUT);
        Instant end = null;
        while (end == null || Instant.now().isBefore(end)) {
            samples.add(Sample.of(driver.loaderStatus()));
            if (end == null && PipelineDriver.generatorDone(driver.generatorStatus())) {
                end = Instant.now().plus(after);
            }
            assertThat(Instant.now()).as("generator done in time").isBefore(deadline);
            ManagedProcess.sleep(SAMPLE_EVERY);
        }
        return samples;
    }

    /** One look at the loader's status: its lag, its queue and how many lines it read but has not stored yet. */
    private record Sample(long lagBytes, long queueDepth, long queueCapacity, long readAhead) {

        static Sample of(JsonNode status) {
            long settled = status.path("inserted").asLong()
                    + status.path("duplicates").asLong()
                    + status.path("deadLetters").asLong()
                    + status.path("emptyLines").asLong();
            return new Sample(
                    status.path("lagBytes").asLong(),
                    status.path("queue").path("depth").asLong(),
                    status.path("queue").path("capacity").asLong(),
                    status.path("linesRead").asLong() - settled);
        }
    }
}
