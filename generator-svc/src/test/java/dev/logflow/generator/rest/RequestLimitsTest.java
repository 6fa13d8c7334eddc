package dev.logflow.generator.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeFlumeResource.class)
class RequestLimitsTest {

    private static final String API = "/api/generator";
    private static final int LIMIT = 64 * 1024;

    @Test
    void refusesABodyOverTheLimitWith413() {
        given().contentType(ContentType.JSON)
                .body(rateBodyOfSize(LIMIT + 1))
                .put(API + "/rate")
                .then()
                .statusCode(413);
    }

    @Test
    void acceptsABodyJustUnderTheLimit() {
        given().contentType(ContentType.JSON)
                .body(rateBodyOfSize(LIMIT - 1))
                .put(API + "/rate")
                .then()
                .statusCode(200);
    }

    /** {@code {"rate": 50}} padded with JSON whitespace to exactly {@code size} bytes. */
    private static String rateBodyOfSize(int size) {
        String json = "{\"rate\": 50}";
        return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
    }
}
