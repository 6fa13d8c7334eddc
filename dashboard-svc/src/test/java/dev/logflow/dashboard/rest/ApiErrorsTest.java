package dev.logflow.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import dev.logflow.dashboard.fixture.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard is read-only and strict about its parameters: every refusal is a 4xx with a JSON
 * {@code {"error": ...}} body that names what is wrong and repeats the caller's text only escaped.
 */
@QuarkusTest
@WithTestResource(EmbeddedMongoResource.class)
class ApiErrorsTest {

    private static final String WINDOW = "from=2026-01-01T10:00Z&to=2026-01-01T10:05Z";
    private static final List<String> PATHS = List.of("/api/data", "/api/events/latest", "/");
    private static final int BODY_LIMIT = 64 * 1024;

    @Inject
    MongoClient client;

    @BeforeEach
    void writeFixture() {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        fixtures.rollup("2026-01-01T10:00:00Z", "checkout", "INFO", 200, 10);
        fixtures.event("e1", "2026-01-01T10:00:10Z", "checkout", "INFO", 200, "ok");
    }

    private static String stored() {
        return given().get("/api/data?" + WINDOW).asString()
                + given().get("/api/events/latest?" + WINDOW).asString();
    }

    private static void assertBadRequest(String query, String error) {
        given().urlEncodingEnabled(false)
                .get(query)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo(error));
    }

    @Test
    void refusesEveryMethodButGetWith405AndChangesNothing() {
        String before = stored();
        for (String path : PATHS) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                given().contentType(ContentType.JSON)
                        .body("{}")
                        .request(method, path + "?" + WINDOW)
                        .then()
                        .statusCode(405)
                        .contentType(ContentType.JSON)
                        .body("error", equalTo("method not allowed: the dashboard is read-only, use GET"));
            }
        }
        assertEquals(before, stored());
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        given().contentType(ContentType.JSON)
                .body("[" + " ".repeat(BODY_LIMIT) + "]")
                .post("/api/data")
                .then()
                .statusCode(413);
    }

    @Test
    void answersAnUnknownPathWith404AndAJsonError() {
        given().get("/api/nowhere").then().statusCode(404).body("error", equalTo("not found"));
    }

    @Test
    void refusesFromWithABrokenPercentEscapeWith400RepeatingNothing() {
        // Quarkus checks the request URI before any route of the service sees it, and answers an empty 400.
        RawHttp.Answer answer = RawHttp.get("/api/data?from=%ZZ");

        assertEquals(400, answer.status(), answer.headers());
        assertEquals("", answer.body());
    }

    @Test
    void refusesAParameterTheEndpointDoesNotTakeNamingIt() {
        assertBadRequest(
                "/api/data?levle=ERROR",
                "unknown parameter 'levle'; this endpoint takes from, level, service, to, window");
        assertBadRequest(
                "/api/data?limit=5", "unknown parameter 'limit'; this endpoint takes from, level, service, to, window");
        assertBadRequest(
                "/api/events/latest?size=5",
                "unknown parameter 'size'; this endpoint takes from, level, limit, service, to, window");
    }

    @Test
    void refusesAParameterGivenTwice() {
        assertBadRequest("/api/data?level=INFO&level=WARN", "level: given 2 times; give it once");
        assertBadRequest("/api/events/latest?limit=1&limit=2", "limit: given 2 times; give it once");
    }

    @Test
    void refusesABadValueOfEveryParameterNamingIt() {
        for (String path : List.of("/api/data", "/api/events/latest")) {
            assertBadRequest(
                    path + "?from=soon", "from: 'soon' is not an ISO-8601 time with offset, e.g. 2015-05-17T10:00Z");
            assertBadRequest(
                    path + "?to=later", "to: 'later' is not an ISO-8601 time with offset, e.g. 2015-05-17T10:00Z");
            assertBadRequest(path + "?window=often", "window: 'often' is not a length such as 15m, 6h, 7d or PT6H");
            assertBadRequest(path + "?service=" + "s".repeat(201), "service: longer than 200 characters");
            assertBadRequest(path + "?level=LOUD", "level: 'LOUD' is not one of DEBUG, INFO, WARN, ERROR");
        }
        assertBadRequest("/api/events/latest?limit=many", "limit: 'many' is not a whole number from 1 to 500");
    }

    @Test
    void repeatsAValueOnlyEscapedAndShortened() {
        String value = "<img src=x onerror=alert(1)>\n" + "x".repeat(500);

        String body = given().queryParam("level", value)
                .get("/api/data")
                .then()
                .statusCode(400)
                .body("error", containsString("level: '\\u003cimg src=x onerror=alert(1)\\u003e\\u000axxx"))
                .body("error", containsString("x...' is not one of"))
                .extract()
                .asString();

        assertEquals(-1, body.indexOf("<img"), body);
        assertEquals(-1, body.indexOf("x".repeat(100)), body);
    }
}
