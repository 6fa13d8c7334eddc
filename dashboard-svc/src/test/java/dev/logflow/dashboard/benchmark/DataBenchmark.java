package dev.logflow.dashboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency of {@code GET /api/data} over 10 million events' worth of rollups in the embedded MongoDB: one week of
 * minutes ending now, about 1,000 events a minute spread over 6 services and 12 statuses, 40 keys a minute (about
 * 400,000 rollup documents). Prints p50 and p99; asserts no time. Run with {@code -Pbenchmark}.
 *
 * <p>"Fresh" requests ask for a window no earlier request asked for, so each one is computed from the database;
 * "repeated" requests ask for the same window again, as page refreshes do, and may be answered from the short-lived
 * answer cache ({@code logflow.dashboard.cache-ttl}, 2 s here as in production).
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(DataBenchmark.ProductionCache.class)
@WithTestResource(EmbeddedMongoResource.class)
class DataBenchmark {

    private static final Logger LOG = Logger.getLogger(DataBenchmark.class);
    private static final long EVENTS = 10_000_000L;
    private static final int MINUTES = 7 * 24 * 60;
    private static final int KEYS_PER_MINUTE = 40;
    private static final List<String> SERVICES = List.of("checkout", "search", "cart", "auth", "catalog", "payments");
    private static final List<Integer> STATUSES = List.of(200, 201, 204, 301, 304, 400, 401, 403, 404, 500, 502, 503);
    private static final int BATCH = 1000;
    private static final int WARM_UP = 10;
    private static final int FRESH_REQUESTS = 100;
    private static final int REPEATED_REQUESTS = 1000;
    private static final Duration REPEAT_PAUSE = Duration.ofMillis(10);

    /** The production default answer reuse instead of the test profile's none. */
    public static class ProductionCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logflow.dashboard.cache-ttl", "2s");
        }
    }

    @TestHTTPResource("/api/data")
    URL api;

    @Inject
    MongoClient client;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void printsPercentilesOfApiDataOverTenMillionEventsOfRollups() throws Exception {
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long documents = load(thisMinute);
        LOG.infof("Benchmark data: %d rollup documents for %d events over %d minutes", documents, EVENTS, MINUTES);

        measure(
                "60-minute window, fresh",
                FRESH_REQUESTS,
                i -> "window=60m&to=" + thisMinute.minus(i, ChronoUnit.MINUTES));
        measure(
                "24-hour window, fresh",
                FRESH_REQUESTS,
                i -> "window=24h&to=" + thisMinute.minus(i, ChronoUnit.MINUTES));
        measure("60-minute window, repeated (page refreshes)", REPEATED_REQUESTS, i -> paced("window=60m"));
        measure("24-hour window, repeated (page refreshes)", REPEATED_REQUESTS, i -> paced("window=24h"));
        measure(
                "24-hour window, service filter, fresh",
                FRESH_REQUESTS,
                i -> "service=search&window=24h&to=" + thisMinute.minus(i, ChronoUnit.MINUTES));
    }

    /**
     * Spreads repeated requests over several cache-ttl periods, so that background recomputations run during the
     * measurement; the pause itself is not timed.
     */
    private static String paced(String query) {
        try {
            Thread.sleep(REPEAT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return query;
    }

    private long load(Instant thisMinute) {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        SplittableRandom random = new SplittableRandom(42);
        long perKey = EVENTS / MINUTES / KEYS_PER_MINUTE;
        List<Document> batch = new ArrayList<>(BATCH);
        long documents = 0;
        for (int m = 0; m < MINUTES; m++) {
            Instant minute = thisMinute.minus(MINUTES - 1 - m, ChronoUnit.MINUTES);
            for (int key : keysOfOneMinute(random)) {
                int status = STATUSES.get(key % STATUSES.size());
                String service = SERVICES.get(key / STATUSES.size());
                batch.add(Fixtures.rollupDocument(minute, service, level(status), status, perKey));
                documents++;
                if (batch.size() == BATCH) {
                    fixtures.insertRollups(batch, BATCH);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        fixtures.insertRollups(batch, BATCH);
        return documents;
    }

    private static List<Integer> keysOfOneMinute(SplittableRandom random) {
        List<Integer> keys = new ArrayList<>();
        for (int k = 0; k < SERVICES.size() * STATUSES.size(); k++) {
            keys.add(k);
        }
        Collections.shuffle(keys, new java.util.Random(random.nextLong()));
        return keys.subList(0, KEYS_PER_MINUTE);
    }

    private static String level(int status) {
        return status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO";
    }

    private void measure(String name, int requests, IntFunction<String> query) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(query.apply(requests + i));
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String next = query.apply(i);
            long start = System.nanoTime();
            get(next);
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        LOG.infof(
                "BENCHMARK /api/data %s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms",
                name,
                requests,
                millis(percentile(nanos, 50)),
                millis(percentile(nanos, 99)),
                millis(nanos[nanos.length - 1]));
    }

    private void get(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "?" + query))
                .timeout(Duration.ofMinutes(1))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
