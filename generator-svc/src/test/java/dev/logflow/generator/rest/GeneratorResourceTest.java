package dev.logflow.generator.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@WithTestResource(FakeFlumeResource.class)
class GeneratorResourceTest {

    private static final String API = "/api/generator";
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final List<String> STATUS_FIELDS = List.of(
            "state",
            "source",
            "lastSeq",
            "targetRate",
            "achievedRate",
            "recentRate",
            "total",
            "generated",
            "sent",
            "acked",
            "failed",
            "resent",
            "rejected",
            "connectErrors",
            "throttled",
            "backOffs",
            "maxBackOffMillis",
            "flumeReachable",
            "replays");

    @TempDir
    Path dir;

    @AfterEach
    void stopGenerating() {
        given().post(API + "/stop").then().statusCode(200);
    }

    @Test
    void reportsTheDocumentedStatusFields() {
        var response = given().get(API + "/status").then().statusCode(200).contentType(ContentType.JSON);
        for (String field : STATUS_FIELDS) {
            response.body("$", hasKey(field));
        }
        response.body("state", oneOf("RUNNING", "STOPPED", "COMPLETED"))
                .body("source", startsWith("gen-"))
                .body("flumeReachable", is(true));
    }

    @Test
    void runsToItsTotalAndReportsEveryLineAcknowledged() {
        long seqBefore = status().getLong("lastSeq");
        given().contentType(ContentType.JSON)
                .body("{\"rate\": 0, \"total\": 500}")
                .post(API + "/start")
                .then()
                .statusCode(200)
                .body("total", equalTo(500));

        await().atMost(DELIVERY).until(() -> status().getLong("acked") == 500);
        JsonPath status = status();
        assertEquals("COMPLETED", status.getString("state"));
        assertEquals(500, status.getLong("generated"));
        assertEquals(500, status.getLong("sent"));
        assertEquals(seqBefore + 500, status.getLong("lastSeq"), "the source's sequence goes on across runs");
    }

    @Test
    void startsWithoutABodyAndRefusesASecondStartWhileRunning() {
        given().post(API + "/start").then().statusCode(200).body("state", equalTo("RUNNING"));

        given().post(API + "/start").then().statusCode(409).body("error", containsString("already"));
        given().post(API + "/stop").then().statusCode(200).body("state", equalTo("STOPPED"));
    }

    @Test
    void changesTheTargetRate() {
        given().contentType(ContentType.JSON)
                .body("{\"rate\": 25}")
                .put(API + "/rate")
                .then()
                .statusCode(200)
                .body("targetRate", equalTo(25.0f));
    }

    @Test
    void readsJsonBodiesSentWithTheFormTypeCurlUsesByDefault() {
        given().contentType(ContentType.URLENC)
                .body("{\"rate\": 12}")
                .put(API + "/rate")
                .then()
                .statusCode(200)
                .body("targetRate", equalTo(12.0f));
    }

    @Test
    void answersBadBodiesWith400AndAMessage() {
        badRequest("POST", "/start", "{not json");
        badRequest("POST", "/start", "{\"rate\": \"fast\"}");
        badRequest("POST", "/start", "{\"total\": -5}");
        badRequest("POST", "/start", "{\"total\": 0}");
        badRequest("POST", "/start", "{\"rat\": 5}");
        badRequest("PUT", "/rate", "{}");
        badRequest("PUT", "/rate", "[1, 2]");
        badRequest("POST", "/replay", "{}");
        badRequest("POST", "/replay", "{\"file\": 12}");
        given().contentType(ContentType.JSON)
                .put(API + "/rate")
                .then()
                .statusCode(400)
                .body("error", notNullValue());
    }

    @Test
    void refusesToReplayAMissingFile() {
        given().contentType(ContentType.JSON)
                .body("{\"file\": \"/no/such/file.log\"}")
                .post(API + "/replay")
                .then()
                .statusCode(400)
                .body("error", containsString("does not exist"));
    }

    @Test
    void refusesToReplayADirectory() {
        given().contentType(ContentType.JSON)
                .body("{\"file\": \"" + dir + "\"}")
                .post(API + "/replay")
                .then()
                .statusCode(400)
                .body("error", containsString("not a regular file"));
    }

    @Test
    void replaysAFileThroughFlume() throws Exception {
        Path file = Files.writeString(dir.resolve("app.log"), "replayed one\r\n\r\nreplayed two\nreplayed three");

        String id = given().contentType(ContentType.JSON)
                .body("{\"file\": \"" + file + "\"}")
                .post(API + "/replay")
                .then()
                .statusCode(202)
                .body("file", equalTo(file.toString()))
                .extract()
                .path("id");

        await().atMost(DELIVERY).until(() -> given().get(API + "/replay/" + id).path("done"));
        given().get(API + "/replay/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .body("linesRead", equalTo(4))
                .body("skippedEmpty", equalTo(1))
                .body("acked", equalTo(3));
        given().get(API + "/status").then().body("replays.id", hasItem(id));
        await().atMost(DELIVERY)
                .until(() -> FakeFlumeResource.server().committed().contains("replayed three"));
    }

    @Test
    void answers404ForAnUnknownReplay() {
        given().get(API + "/replay/999").then().statusCode(404).body("error", containsString("999"));
    }

    @Test
    void isReadyWhenFlumeAcceptsConnections() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.data.flume", everyItem(startsWith("127.0.0.1:")));
    }

    @Test
    void isAlive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exportsDeliveryCounters() {
        given().contentType(ContentType.JSON)
                .body("{\"rate\": 0, \"total\": 10}")
                .post(API + "/start")
                .then()
                .statusCode(200);
        await().atMost(DELIVERY).until(() -> status().getLong("acked") == 10);

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("sent", "acked", "failed", "resent", "rejected")) {
            assertTrue(metrics.contains("logflow_generator_events_" + name + "_total{origin=\"generated\""), name);
        }
        assertTrue(metrics.contains("logflow_generator_backoffs_total{origin=\"generated\""), "backoffs");
        assertTrue(metrics.contains("logflow_generator_throttled_connections{origin=\"generated\""), "throttled");
    }

    private static JsonPath status() {
        return given().get(API + "/status").then().statusCode(200).extract().jsonPath();
    }

    private static void badRequest(String method, String path, String body) {
        given().contentType(ContentType.JSON)
                .body(body)
                .request(method, API + path)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", notNullValue());
    }
}
