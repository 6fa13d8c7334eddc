package dev.logflow.dashboard.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedMongoResource.class)
class ReadinessTest {

    @Test
    void readinessReportsMongoDb() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("MongoDB connection health check"))
                .body("checks.find { it.name == 'MongoDB connection health check' }.status", is("UP"));
    }

    @Test
    void livenessAnswers() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }
}
