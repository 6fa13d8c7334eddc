package dev.logflow.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.logflow.dashboard.fixture.CapturedLog;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With a MongoDB password in the connection string and MongoDB failing, nothing a user or operator can see shows
 * the password: not the health answers, the page, the API, its error bodies or metrics, nor the log. The two
 * concrete tests fail MongoDB in the two ways that put the connection into error messages: no server, and a server
 * that refuses the login.
 */
abstract class PasswordNeverShownTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String MONGO_CHECK = "MongoDB connection health check";
    private static final List<String> GET_PATHS = List.of(
            "/q/health",
            "/q/health/ready",
            "/q/health/live",
            "/q/health/started",
            "/q/metrics",
            "/",
            "/api/data",
            "/api/events/latest",
            "/api/data?from=nope",
            "/api/nowhere");

    /** The log of this test's profile. */
    abstract CapturedLog log();

    /** Text the log holds once MongoDB's failure has been logged, so the log check is not vacuous. */
    abstract String failureInLog();

    private static void assertNoPassword(String where, String text) {
        assertFalse(
                text.contains(MongoCredentials.PASSWORD_MARK),
                () -> where + " shows the password in:\n"
                        + text.lines()
                                .filter(line -> line.contains(MongoCredentials.PASSWORD_MARK))
                                .limit(5)
                                .collect(Collectors.joining("\n")));
    }

    @Test
    void readinessNamesMongodbAsDownWithoutThePassword() {
        Response ready = given().get("/q/health/ready");

        ready.then().statusCode(503).body("checks.find { it.name == '" + MONGO_CHECK + "' }.status", equalTo("DOWN"));
        assertNoPassword("readiness", ready.asString());
    }

    @Test
    void theApiAnswersServiceUnavailableWithoutThePassword() {
        Response data = given().get("/api/data");

        data.then().statusCode(503);
        assertNoPassword("GET /api/data", data.asString());
    }

    @Test
    void noAnswerOfTheServiceShowsThePassword() {
        for (String path : GET_PATHS) {
            assertNoPassword(
                    "GET " + path, given().urlEncodingEnabled(false).get(path).asString());
        }
        assertNoPassword("POST /api/data", given().body("{}").post("/api/data").asString());
    }

    @Test
    void theLogRecordsTheFailureButNotThePassword() {
        given().get("/api/data").then().statusCode(503);

        await().atMost(PATIENCE).until(() -> log().text().contains(failureInLog()));
        assertNoPassword("log", log().text());
    }
}
