package dev.logflow.loader.rest;

import static dev.logflow.loader.support.FlumeFiles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class GapsEndpointTest {

    private static final long SERIES = 1_764_784_800_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String APACHE =
            "192.0.2.7 - - [03/Dec/2026:18:06:31 +0000] \"GET /a HTTP/1.1\" 200 12 \"-\" \"curl/8\"\n";

    @Inject
    LoaderHarness harness;

    private FlumeFiles files;

    @BeforeEach
    void freshLoader() {
        files = harness.reset();
        harness.start();
    }

    private static String events(long... seqs) {
        StringBuilder text = new StringBuilder();
        LongStream.of(seqs)
                .forEach(
                        seq -> text.append(event("gen-g-" + seq, "2026-12-03T18:04:05.123Z", "checkout", "INFO", 200)));
        return text.toString();
    }

    private static long duplicates() {
        return given().get("/api/loader/status").then().extract().jsonPath().getLong("duplicates");
    }

    private void assertGaps(long count, long missing) {
        given().when()
                .get("/api/loader/gaps")
                .then()
                .statusCode(200)
                .body("sources", hasSize(1))
                .body("sources[0].source", equalTo("gen-g"))
                .body("sources[0].count", equalTo((int) count))
                .body("sources[0].minSeq", equalTo(1))
                .body("sources[0].maxSeq", equalTo(10))
                .body("sources[0].missing", equalTo((int) missing))
                .body("missing", equalTo((int) missing));
    }

    @Test
    void reportsTheEventsThatNeverArrivedOnTheEndpointAndAsAMetric() {
        files.append(SERIES, 1, events(1, 2, 3, 5, 6, 8, 9, 10) + APACHE);

        await().atMost(PATIENCE).until(() -> harness.events() == 9);

        assertGaps(8, 2);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("logflow_loader_missing_events 2.0"));
    }

    @Test
    void doesNotCountEventsReadAgain() {
        String someMissing = events(1, 2, 3, 5, 6, 8, 9, 10);
        files.append(SERIES, 1, someMissing);
        await().atMost(PATIENCE).until(() -> harness.events() == 8);
        long duplicatesBefore = duplicates();

        files.append(SERIES, 2, someMissing);

        await().atMost(PATIENCE).until(() -> duplicates() == duplicatesBefore + 8);
        assertEquals(8, harness.events());
        assertGaps(8, 2);
    }

    @Test
    void closesTheGapWhenTheLateEventsArrive() {
        files.append(SERIES, 1, events(1, 2, 3, 5, 6, 8, 9, 10));
        await().atMost(PATIENCE).until(() -> harness.events() == 8);

        files.append(SERIES, 2, events(7, 4));

        await().atMost(PATIENCE).until(() -> harness.events() == 10);
        assertGaps(10, 0);
        harness.assertSourceStatsMatchEvents();
    }
}
