package dev.logflow.dashboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import dev.logflow.dashboard.model.DashboardData;
import dev.logflow.dashboard.repository.LossRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one fresh read of the losses costs in the embedded MongoDB (the work {@code /api/data} does at most once per
 * {@code cache-ttl} for all windows): 1,000 generator sources, then growing numbers of dead letters. Prints p50 and
 * p99; asserts the figures, not the time. Run with {@code -Pbenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(EmbeddedMongoResource.class)
class LossBenchmark {

    private static final Logger LOG = Logger.getLogger(LossBenchmark.class);
    private static final int SOURCES = 1000;
    private static final long EVENTS_PER_SOURCE = 10_000;
    private static final int MISSING_PER_SOURCE = 3;
    private static final List<Integer> DEAD_LETTERS = List.of(0, 10_000, 100_000);
    private static final int BATCH = 1000;
    private static final int WARM_UP = 5;
    private static final int READS = 50;

    @Inject
    MongoClient client;

    @Inject
    LossRepository losses;

    @Test
    void printsPercentilesOfReadingTheLosses() {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        for (int s = 0; s < SOURCES; s++) {
            fixtures.sourceStats("gen-" + s, EVENTS_PER_SOURCE - MISSING_PER_SOURCE, 1, EVENTS_PER_SOURCE);
        }
        int stored = 0;
        for (int deadLetters : DEAD_LETTERS) {
            addDeadLetters(stored, deadLetters);
            stored = deadLetters;
            measure(deadLetters);
        }
    }

    private void addDeadLetters(int from, int to) {
        List<Document> letters = new ArrayList<>();
        for (int i = from; i < to; i++) {
            letters.add(new Document("_id", "events-1-1:" + i)
                    .append("file", "events-1-1")
                    .append("offset", (long) i)
                    .append("reason", "not JSON and not an Apache line")
                    .append("raw", "garbage " + i)
                    .append("rawBytes", 12L)
                    .append("at", new Date()));
        }
        for (int first = 0; first < letters.size(); first += BATCH) {
            List<Document> batch = letters.subList(first, Math.min(letters.size(), first + BATCH));
            client.getDatabase(Fixtures.DATABASE).getCollection("dead_letters").insertMany(batch);
        }
    }

    private void measure(int deadLetters) {
        DashboardData.Losses expected =
                new DashboardData.Losses((long) SOURCES * MISSING_PER_SOURCE, deadLetters, SOURCES);
        for (int i = 0; i < WARM_UP; i++) {
            assertEquals(expected, losses.losses());
        }
        long[] nanos = new long[READS];
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            losses.losses();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        LOG.infof(
                "BENCHMARK losses, %d sources, %d dead letters: n=%d p50=%.1f ms p99=%.1f ms",
                SOURCES, deadLetters, READS, nanos[READS / 2] / 1e6, nanos[(int) Math.ceil(READS * 0.99) - 1] / 1e6);
    }
}
