package dev.logflow.loader.service;

import static dev.logflow.loader.support.FlumeFiles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.BatchCommitter;
import dev.logflow.loader.store.CheckpointStore;
import dev.logflow.loader.store.CommitResult;
import dev.logflow.loader.store.DeadLetterStore;
import dev.logflow.loader.store.EventStore;
import dev.logflow.loader.store.RollupStore;
import dev.logflow.loader.store.SourceStatsStore;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A writer that cannot store (MongoDB far slower than Flume): the reader stops once its bounded queue is full, so the
 * backlog stays in Flume's files, the lag keeps being measured while the reader waits, and nothing is lost.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SlowWriterTest {

    private static final long SERIES = 1_764_784_800_000L;
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @Inject
    LoaderHarness harness;

    @Inject
    LoaderConfig config;

    @Inject
    EventStore events;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    RollupStore rollups;

    @Inject
    SourceStatsStore sourceStats;

    @Inject
    CheckpointStore checkpoints;

    private GatedCommitter committer;
    private FlumeFiles files;

    @BeforeEach
    void stuckWriter() {
        committer = new GatedCommitter(events, deadLetters, rollups, sourceStats, checkpoints);
        QuarkusMock.installMockForType(committer, BatchCommitter.class);
        files = harness.reset();
        harness.start();
    }

    @AfterEach
    void releaseWriter() {
        committer.open();
        harness.stop();
    }

    @Test
    void readsNoFurtherThanItsQueueWhileTheWriterIsStuckAndStoresEverythingOnceItMovesAgain() throws Exception {
        long readAhead = (config.queueCapacity() + 2L) * config.batchSize();
        int backlog = (int) (4 * readAhead);
        Document before = status();
        files.publish(SERIES, 1, events(0, backlog));
        await().atMost(PATIENCE).until(() -> queueDepth() == config.queueCapacity());

        files.append(SERIES, 1, events(backlog, backlog + config.batchSize()));
        long size = Files.size(files.path(SERIES, 1));
        await().atMost(PATIENCE).until(() -> status().getLong("lagBytes") == size);

        Document waiting = status();
        assertEquals(readAhead, since(before, waiting, "linesRead"), "lines read: queue, batch filling, batch written");
        assertEquals(0, since(before, waiting, "inserted"));
        assertEquals(config.queueCapacity(), queueDepth());

        committer.open();
        long total = backlog + config.batchSize();
        await().atMost(PATIENCE).until(() -> harness.events() == total);
        await().atMost(PATIENCE).until(() -> status().getLong("lagBytes") == 0);
        Document done = status();
        assertEquals(total, since(before, done, "inserted"));
        assertEquals(0, since(before, done, "duplicates"));
        harness.assertRollupsMatchEvents();
        harness.assertSourceStatsMatchEvents();
    }

    /** Generated events {@code from} (inclusive) to {@code to}, one source, as lines. */
    private static String events(int from, int to) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            String ts = String.format("2026-12-03T18:%02d:%02d.000Z", i / 60 % 60, i % 60);
            lines.append(event("gen-slow-" + (i + 1), ts, "checkout", "INFO", 200));
        }
        return lines.toString();
    }

    /** How much a counter of the status grew: counters count since the process started, across tests. */
    private static long since(Document before, Document after, String counter) {
        return after.getLong(counter) - before.getLong(counter);
    }

    private static long queueDepth() {
        return status().get("queue", Document.class).getInteger("depth");
    }

    private static Document status() {
        String json = given().when()
                .get("/api/loader/status")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Document doc = Document.parse(json);
        for (String key : List.copyOf(doc.keySet())) {
            if (doc.get(key) instanceof Integer value) {
                doc.put(key, value.longValue());
            }
        }
        return doc;
    }

    /** The real committer behind a gate that stays shut until {@link #open()}: a MongoDB that takes no writes. */
    @Vetoed
    static final class GatedCommitter extends BatchCommitter {

        private final CountDownLatch gate = new CountDownLatch(1);

        GatedCommitter(
                EventStore events,
                DeadLetterStore deadLetters,
                RollupStore rollups,
                SourceStatsStore sourceStats,
                CheckpointStore checkpoints) {
            super(events, deadLetters, rollups, sourceStats, checkpoints);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public CommitResult commit(String loaderId, Batch batch, long seq, boolean deltaFromStore) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate", e);
            }
            return super.commit(loaderId, batch, seq, deltaFromStore);
        }
    }
}
