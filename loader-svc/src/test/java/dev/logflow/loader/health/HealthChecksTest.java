package dev.logflow.loader.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class HealthChecksTest {

    @Inject
    LoaderHarness harness;

    @Test
    void isReadyWithSeparateMongodbAndDirectoryChecks() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", containsInAnyOrder("mongodb", "directory"))
                .body(
                        "checks.find { it.name == 'directory' }.data.path",
                        equalTo(MongoTestResource.flumeDir().toString()));
    }

    @Test
    void isLiveWhileTheLoopRunsAndNotWhenItStopped() {
        harness.start();
        given().when().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("load-loop"));

        harness.stop();
        try {
            given().when().get("/q/health/live").then().statusCode(503);
        } finally {
            harness.start();
        }
    }

    @Test
    void exportsItsCountersAsPrometheusMetrics() {
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("logflow_loader_lines_read_total"))
                .body(org.hamcrest.Matchers.containsString("logflow_loader_lag_bytes"));
    }
}
