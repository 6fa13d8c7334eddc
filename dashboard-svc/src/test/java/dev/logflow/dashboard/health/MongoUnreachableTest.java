package dev.logflow.dashboard.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no MongoDB to talk to, the service stays up, says it is not ready and answers the API with a 503. */
@QuarkusTest
@TestProfile(MongoUnreachableTest.NoDatabase.class)
class MongoUnreachableTest {

    /** A loopback port nothing listens on. */
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mongodb.connection-string", "mongodb://127.0.0.1:1",
                    "quarkus.mongodb.server-selection-timeout", "500ms");
        }
    }

    @Test
    void readinessNamesMongoDbAsDown() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == 'MongoDB connection health check' }.status", is("DOWN"));
    }

    @Test
    void livenessStaysUp() {
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void pageStillLoads() {
        given().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
    }

    @Test
    void apiAnswersServiceUnavailableWithAMessage() {
        given().get("/api/data")
                .then()
                .statusCode(503)
                .body("error", is("MongoDB is not reachable; try again shortly"));
    }
}
