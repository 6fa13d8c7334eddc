package dev.logflow.generator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Errors the framework answers itself have the body every other error of the service has: {"error": ...}. */
@QuarkusTest
@WithTestResource(FakeFlumeResource.class)
class ErrorShapeTest {

    private static final String API = "/api/generator";

    @Test
    void answersAnUnknownPathWith404AndAJsonError() {
        given().get(API + "/nowhere")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("not found"));
    }

    @Test
    void answersAMethodThePathDoesNotTakeWith405AndAJsonError() {
        given().delete(API + "/status")
                .then()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .body("error", equalTo("method not allowed"));
    }

    @Test
    void repeatsAnUnknownReplayIdOnlyEscaped() {
        given().get(API + "/replay/<b>bold<b>")
                .then()
                .statusCode(404)
                .body("error", equalTo("no replay with id '\\u003cb\\u003ebold\\u003cb\\u003e'"))
                .body(not(containsString("<b>")));
    }
}
