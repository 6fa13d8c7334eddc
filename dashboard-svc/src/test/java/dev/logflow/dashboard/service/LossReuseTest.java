package dev.logflow.dashboard.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The losses block of /api/data is reused for cache-ttl like the rest of the answer, and once for every window: a
 * page with other filters or another window does not query source_stats and dead_letters again. (That a reused answer
 * is refreshed after cache-ttl is AnswerReuseTest's.)
 */
@QuarkusTest
@TestProfile(LossReuseTest.ReuseForAnHour.class)
@WithTestResource(EmbeddedMongoResource.class)
class LossReuseTest {

    /** Long enough that no request of this test can outlive the reuse, however slow the machine. */
    public static class ReuseForAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logflow.dashboard.cache-ttl", "1h", "logflow.dashboard.cache-max-age", "2h");
        }
    }

    @Inject
    MongoClient client;

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
    void reusesTheLossesForEveryWindowWithinCacheTtl() {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        fixtures.sourceStats("gen-a1", 8, 1, 10);
        assertEquals(2, missing("window=60m"));

        fixtures.sourceStats("gen-a1", 10, 1, 10);

        assertEquals(2, missing("window=60m"), "the same window, reused");
        assertEquals(2, missing("window=7d&service=checkout"), "another window, never asked before: the same losses");
    }
}
