package dev.logflow.loader.service;

import static dev.logflow.loader.support.FlumeFiles.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.model.Filters;
import dev.logflow.loader.follow.LineReader;
import dev.logflow.loader.model.LoaderState;
import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.BatchCommitter;
import dev.logflow.loader.store.DeadLetterFactory;
import dev.logflow.loader.store.RollupKey;
import dev.logflow.loader.store.RollupStore;
import dev.logflow.loader.store.SourceStatsStore;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Simulates kill -9 between the steps of a batch by running the steps by hand and leaving {@code pending} set, then
 * restarts the loader and checks that every event is stored once and the rollups and source stats count each exactly
 * once.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class RecoveryTest {

    private static final String LOADER = "loader-test";
    private static final long SERIES = 1_764_784_800_000L;
    private static final int EVENTS = 40;
    private static final int IN_CRASHED_BATCH = 25;
    private static final long SEQ = 1;

    @Inject
    LoaderHarness harness;

    @Inject
    BatchCommitter committer;

    @Inject
    LoaderMetrics metrics;

    private FlumeFiles files;
    private long crashedBatchEnd;

    @BeforeEach
    void fileWithAPendingBatch() {
        files = harness.reset();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= EVENTS; i++) {
            String minute = String.format("2026-12-03T18:%02d:%02d.000Z", i % 3, i);
            text.append(event("gen-r-" + i, minute, i % 2 == 0 ? "checkout" : "search", "INFO", 200 + (i % 4)));
            if (i == IN_CRASHED_BATCH) {
                text.append("garbage in the crashed batch\n");
                crashedBatchEnd = text.length();
            }
        }
        files.append(SERIES, 1, text.toString());
    }

    private Batch crashedBatch() throws IOException {
        return batchOf(0, crashedBatchEnd);
    }

    /** The batch of bytes [{@code from}, {@code to}) of the file, parsed the way the loader does. */
    private Batch batchOf(long from, long to) throws IOException {
        Path file = files.path(SERIES, 1);
        LineCollector collector = new LineCollector(
                new LineParser("apache")::parse,
                new DeadLetterFactory(4096),
                metrics,
                Integer.MAX_VALUE,
                Long.MAX_VALUE);
        Batch batch = new Batch(FlumeFiles.name(SERIES, 1), from);
        collector.into(batch);
        try (FileChannel channel = FileChannel.open(file)) {
            new LineReader(1 << 20).read(channel, from, to, collector);
            return batch.seenSize(channel.size());
        }
    }

    /** Starts the loader and waits until it finished the pending batch. */
    private void restartAndAwaitRecovery() {
        long recoveriesBefore = metrics.recoveries.get();
        harness.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics.recoveries.get() == recoveriesBefore + 1);
        assertNull(LoaderState.<LoaderState>findById(LOADER).pending);
    }

    private void restartAndAssertExactlyOnce() {
        long recoveriesBefore = metrics.recoveries.get();
        harness.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> harness.events() == EVENTS
                        && checkpointOffset() == files.path(SERIES, 1).toFile().length()
                        // the checkpoint is committed, then pending cleared, then the recovery counted
                        && metrics.recoveries.get() > recoveriesBefore);

        assertEquals(recoveriesBefore + 1, metrics.recoveries.get());
        assertNull(LoaderState.<LoaderState>findById(LOADER).pending);
        assertEquals(1, harness.collections().deadLetters().countDocuments());
        assertEquals(
                IN_CRASHED_BATCH,
                harness.collections()
                        .events()
                        .countDocuments(Filters.eq("ingest.batch", BatchCommitter.batchId(LOADER, SEQ))));
        harness.assertRollupsMatchEvents();
        assertEquals(
                (long) EVENTS,
                harness.rollups().values().stream().mapToLong(Long::longValue).sum());
        // What an uninterrupted run stores: every seq of gen-r once, no gap.
        assertEquals(Map.of("gen-r", List.of((long) EVENTS, 1L, (long) EVENTS)), harness.sourceStats());
    }

    private long checkpointOffset() {
        Document checkpoint = harness.collections()
                .checkpoints()
                .find(Filters.eq("_id", LOADER + "|" + FlumeFiles.name(SERIES, 1)))
                .first();
        return checkpoint == null ? -1 : checkpoint.getLong("offset");
    }

    @Test
    void finishesABatchKilledInTheMiddleOfItsInserts() throws IOException {
        Batch batch = crashedBatch();
        Batch firstHalf = new Batch(batch.file(), batch.start());
        batch.events().subList(0, IN_CRASHED_BATCH / 2).forEach(firstHalf::addEvent);
        firstHalf.advance(batch.end(), batch.bytes());

        committer.begin(LOADER, batch, SEQ);
        committer.insert(LOADER, firstHalf, SEQ);

        restartAndAssertExactlyOnce();
    }

    @Test
    void finishesABatchKilledAfterItsInsertsBeforeItsRollups() throws IOException {
        Batch batch = crashedBatch();

        committer.begin(LOADER, batch, SEQ);
        committer.insert(LOADER, batch, SEQ);

        restartAndAssertExactlyOnce();
    }

    @Test
    void finishesABatchKilledHalfwayThroughItsRollups() throws IOException {
        Batch batch = crashedBatch();
        committer.begin(LOADER, batch, SEQ);
        committer.insert(LOADER, batch, SEQ);
        Map<RollupKey, Long> someKeys = new HashMap<>();
        RollupStore.delta(batch.events()).entrySet().stream()
                .limit(2)
                .forEach(e -> someKeys.put(e.getKey(), e.getValue()));

        committer.applyFreshRollups(LOADER, SEQ, someKeys);

        restartAndAssertExactlyOnce();
    }

    @Test
    void finishesABatchKilledAfterItsRollupsBeforeItsCheckpoint() throws IOException {
        Batch batch = crashedBatch();
        committer.begin(LOADER, batch, SEQ);
        committer.insert(LOADER, batch, SEQ);

        committer.applyFreshRollups(LOADER, SEQ, RollupStore.delta(batch.events()));

        restartAndAssertExactlyOnce();
    }

    @Test
    void finishesABatchKilledAfterItsSourceStatsBeforeItsCheckpoint() throws IOException {
        Batch batch = crashedBatch();
        committer.begin(LOADER, batch, SEQ);
        committer.insert(LOADER, batch, SEQ);
        committer.applyFreshRollups(LOADER, SEQ, RollupStore.delta(batch.events()));

        committer.applyFreshSourceStats(LOADER, SEQ, SourceStatsStore.delta(batch.events()));

        restartAndAssertExactlyOnce();
    }

    @Test
    void finishesABatchKilledAfterItsCheckpointBeforePendingWasCleared() throws IOException {
        Batch batch = crashedBatch();
        committer.begin(LOADER, batch, SEQ);
        committer.insert(LOADER, batch, SEQ);
        committer.applyFreshRollups(LOADER, SEQ, RollupStore.delta(batch.events()));

        committer.commitCheckpoint(LOADER, batch);

        restartAndAssertExactlyOnce();
    }

    @Test
    void appliesTheRollupsOfAPendingBatchWhoseFileIsGone() throws IOException {
        Batch batch = crashedBatch();
        committer.begin(LOADER, batch, SEQ);
        committer.insert(LOADER, batch, SEQ);

        Files.delete(files.path(SERIES, 1));
        restartAndAwaitRecovery();

        assertEquals(IN_CRASHED_BATCH, harness.events());
        harness.assertRollupsMatchEvents();
        assertEquals(
                Map.of("gen-r", List.of((long) IN_CRASHED_BATCH, 1L, (long) IN_CRASHED_BATCH)), harness.sourceStats());
    }

    @Test
    void appliesTheRollupsOfAPendingBatchWhoseFileShrankBelowItsStart() throws IOException {
        committer.commit(LOADER, crashedBatch(), SEQ, false);
        Path file = files.path(SERIES, 1);
        Batch second = batchOf(crashedBatchEnd, Files.size(file));
        committer.begin(LOADER, second, SEQ + 1);
        committer.insert(LOADER, second, SEQ + 1);

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(crashedBatchEnd / 2);
        }
        restartAndAwaitRecovery();

        assertEquals(EVENTS, harness.events());
        harness.assertRollupsMatchEvents();
        harness.assertSourceStatsMatchEvents();
    }
}
