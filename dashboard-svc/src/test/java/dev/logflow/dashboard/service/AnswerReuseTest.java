package dev.logflow.dashboard.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers of /api/data are reused for cache-ttl, then served stale while a fresh one is computed. */
@QuarkusTest
@TestProfile(AnswerReuseTest.ReuseForThreeSeconds.class)
@WithTestResource(EmbeddedMongoResource.class)
class AnswerReuseTest {

    /**
     * Three seconds of reuse as it is (room for a slow machine between two requests), then up to a minute of serving
     * stale answers while recomputing.
     */
    public static class ReuseForThreeSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logflow.dashboard.cache-ttl", "3s", "logflow.dashboard.cache-max-age", "1m");
        }
    }

    private static final Duration TTL = Duration.ofSeconds(3);
    /** Generous: a recomputation on a loaded two-core machine has taken over ten seconds. */
    private static final Duration FRESH_ANSWER_WAIT = Duration.ofSeconds(60);

    @Inject
    MongoClient client;

    private static int events(String query) {
        return given().urlEncodingEnabled(false)
                .get("/api/data?" + query)
                .then()
                .statusCode(200)
                .extract()
                .path("totals.events");
    }

    private static long missing(String query) {
        return given().urlEncodingEnabled(false)
                .get("/api/data?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("losses.missingEvents");
    }

    @Test
    void reusesAnAnswerThenServesItStaleWhileComputingAFreshOne() throws InterruptedException {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        String window = "from=2026-01-01T10:00Z&to=2026-01-01T10:05Z&service=reuse";
        fixtures.rollup("2026-01-01T10:00:00Z", "reuse", "INFO", 200, 5);
        assertEquals(5, events(window));

        fixtures.rollup("2026-01-01T10:01:00Z", "reuse", "INFO", 200, 3);
        assertEquals(5, events(window), "reused within cache-ttl");
        Thread.sleep(TTL.plusMillis(200).toMillis());
        assertEquals(5, events(window), "served stale while the fresh answer is computed");

        await().atMost(FRESH_ANSWER_WAIT).until(() -> events(window) == 8);
    }

    @Test
    void showsNewLossesOnceTheReusedOnesAreOld() {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        fixtures.sourceStats("gen-a1", 8, 1, 10);
        await().atMost(FRESH_ANSWER_WAIT).until(() -> missing("window=60m") == 2);

        fixtures.sourceStats("gen-a1", 10, 1, 13);

        await().atMost(FRESH_ANSWER_WAIT).until(() -> missing("window=60m") == 3);
        assertEquals(3, missing("window=5m"), "another window shows the same fresh losses");
    }

    @Test
    void keepsReusingTheLastSixtyMinutesAsTimeMovesOn() {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        Instant recent = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
        fixtures.rollup(recent, "sliding", "INFO", 200, 4);

        await().atMost(FRESH_ANSWER_WAIT).until(() -> events("window=60m&service=sliding") == 4);
        fixtures.rollup(recent, "sliding", "INFO", 200, 1);

        await().atMost(FRESH_ANSWER_WAIT).until(() -> events("window=60m&service=sliding") == 5);
    }
}
