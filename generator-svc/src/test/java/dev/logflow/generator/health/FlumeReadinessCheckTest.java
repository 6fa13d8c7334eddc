package dev.logflow.generator.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FlumeReadinessCheckTest.NothingListens.class)
class FlumeReadinessCheckTest {

    /** Points the generator at a port nothing listens on. */
    public static class NothingListens implements QuarkusTestProfile {

        static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logflow.generator.flume-port", String.valueOf(PORT));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void isNotReadyWhenNothingListensOnTheFlumePortAndNamesIt() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("flume"))
                .body("checks.data.flume", hasItem("127.0.0.1:" + NothingListens.PORT));
    }

    @Test
    void staysAliveWithoutFlume() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void reportsFlumeUnreachableInTheStatus() {
        given().get("/api/generator/status").then().statusCode(200).body("flumeReachable", is(false));
    }
}
