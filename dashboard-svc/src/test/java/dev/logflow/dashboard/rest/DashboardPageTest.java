package dev.logflow.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedMongoResource.class)
class DashboardPageTest {

    @Inject
    MongoClient client;

    @BeforeEach
    void writeFixture() {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        fixtures.rollup("2026-01-01T10:00:00Z", "checkout", "INFO", 200, 1);
        fixtures.rollup("2026-01-01T10:00:00Z", "<b>evil</b>", "INFO", 200, 1);
    }

    @Test
    void servesThePageWithItsOwnScriptsAndStylesOnly() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(allOf(
                        containsString("<script src=\"/webjars/chart.js/dist/chart.umd.min.js\" defer></script>"),
                        containsString("<script src=\"/js/dashboard.js\" defer></script>"),
                        containsString("<link rel=\"stylesheet\" href=\"/css/app.css\">"),
                        not(containsString("http://")),
                        not(containsString("https://"))));
    }

    @Test
    void sendsAStrictContentSecurityPolicy() {
        given().get("/")
                .then()
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", is("nosniff"));
    }

    @Test
    void sendsThePolicyWhateverTheAddressSays() {
        given().get("/?window=6h&service=checkout")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"));
    }

    @Test
    void forbidsSniffingOnTheApiAndStaticFilesToo() {
        given().get("/api/data").then().header("X-Content-Type-Options", is("nosniff"));
        given().get("/js/dashboard.js").then().statusCode(200).header("X-Content-Type-Options", is("nosniff"));
    }

    @Test
    void servesChartJsAndTheCompiledStylesheetFromTheService() {
        given().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200);
        given().get("/css/app.css")
                .then()
                .statusCode(200)
                .body(allOf(containsString(".bg-status-5xx"), not(containsString("@tailwind"))));
    }

    @Test
    void passesSettingsAsDataAttributesNotInlineScript() {
        given().get("/")
                .then()
                .body(allOf(
                        containsString("data-refresh-ms=\"500\""),
                        containsString("data-time-zone=\"UTC\""),
                        containsString("data-default-window=\"60m\""),
                        not(containsString("<script>"))));
    }

    @Test
    void escapesServiceNamesInTheFilter() {
        given().get("/")
                .then()
                .body(allOf(
                        containsString("<option value=\"&lt;b&gt;evil&lt;/b&gt;\">&lt;b&gt;evil&lt;/b&gt;</option>"),
                        not(containsString("<b>evil</b>"))));
    }

    @Test
    void documentsTheApiWithOpenApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/data'.get.parameters.name", org.hamcrest.Matchers.hasItems("from", "window"))
                .body("paths.'/api/events/latest'.get.summary", is("The newest events, newest first"))
                .body("paths.'/'", nullValue());
    }
}
