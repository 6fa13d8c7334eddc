package dev.logflow.loader.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A loader that starts before its database is reachable keeps retrying its start-up; Kubernetes must not restart it
 * for that, so liveness stays up for several stall timeouts while readiness is down.
 */
@QuarkusTest
@TestProfile(LivenessWhileMongoDownTest.MongoDown.class)
class LivenessWhileMongoDownTest {

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(2);

    /** MongoDB on a port nobody listens on, a short server selection and a short stall timeout. */
    public static class MongoDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mongodb.connection-string",
                    "mongodb://127.0.0.1:1",
                    "quarkus.mongodb.server-selection-timeout",
                    "300ms",
                    "logflow.loader.directory",
                    System.getProperty("java.io.tmpdir"),
                    "logflow.loader.stall-timeout",
                    STALL_TIMEOUT.toMillis() + "ms");
        }
    }

    private static int status(String path) {
        return given().when().get(path).then().extract().statusCode();
    }

    @Test
    void staysLiveButNotReadyWhileMongodbIsDownAtStartUp() {
        given().when().get("/q/health/ready").then().statusCode(503).body("checks.name", hasItem("mongodb"));

        await().during(STALL_TIMEOUT.multipliedBy(3))
                .atMost(STALL_TIMEOUT.multipliedBy(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> status("/q/health/live") == 200);
    }
}
