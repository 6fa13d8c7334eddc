package dev.logflow.loader.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logflow.loader.support.MongoTestResource;
import dev.logflow.loader.support.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader's API is read-only and strict: every refusal is a 4xx with a JSON {@code {"error": ...}} body. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ApiErrorsTest {

    private static final List<String> ENDPOINTS = List.of("/api/loader/status", "/api/loader/gaps");
    private static final int BODY_LIMIT = 64 * 1024;

    private static String snapshot() {
        return given().get("/api/loader/gaps").asString()
                + given().get("/api/loader/status").then().extract().jsonPath().getString("inserted");
    }

    @Test
    void refusesEveryMethodButGetWith405AndChangesNothing() {
        String before = snapshot();
        for (String path : ENDPOINTS) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                given().contentType(ContentType.JSON)
                        .body("{}")
                        .request(method, path)
                        .then()
                        .statusCode(405)
                        .contentType(ContentType.JSON)
                        .body("error", equalTo("method not allowed: the loader's API is read-only, use GET"));
            }
        }
        assertEquals(before, snapshot());
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        given().contentType(ContentType.JSON)
                .body("[" + " ".repeat(BODY_LIMIT) + "]")
                .post("/api/loader/status")
                .then()
                .statusCode(413);
    }

    @Test
    void answersAnUnknownPathWith404AndAJsonError() {
        given().get("/api/loader/nowhere").then().statusCode(404).body("error", equalTo("not found"));
    }

    @Test
    void refusesAQueryParameterNamingIt() {
        for (String path : ENDPOINTS) {
            given().get(path + "?verbose=true")
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("unknown parameter 'verbose'; this endpoint takes no parameters"));
        }
    }

    @Test
    void repeatsAParameterNameOnlyEscapedAndShortened() {
        String name = "<script>alert(1)</script>" + "x".repeat(500);

        String body = given().queryParam(name, "1")
                .get("/api/loader/status")
                .then()
                .statusCode(400)
                .body("error", containsString("'\\u003cscript\\u003ealert(1)\\u003c/script\\u003exxx"))
                .body("error", containsString("x...'"))
                .extract()
                .asString();

        assertEquals(-1, body.indexOf("<script>"), body);
        assertEquals(-1, body.indexOf("x".repeat(100)), body);
    }

    @Test
    void refusesAParameterThatCannotBeDecodedWith400RepeatingNothing() {
        // Quarkus checks the request URI before any route of the service sees it, and answers an empty 400.
        RawHttp.Answer answer = RawHttp.get("/api/loader/status?from=%ZZ");

        assertEquals(400, answer.status(), answer.headers());
        assertEquals("", answer.body());
    }
}
