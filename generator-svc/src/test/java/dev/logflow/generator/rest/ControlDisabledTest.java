package dev.logflow.generator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ControlDisabledTest.ProdLike.class)
@WithTestResource(FakeFlumeResource.class)
class ControlDisabledTest {

    private static final String API = "/api/generator";
    private static final String DISABLED = "control API disabled: set logflow.generator.control.token";

    /** No token and the prod default: control endpoints closed, as in the packaged jar. */
    public static class ProdLike implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logflow.generator.control.open-without-token", "false");
        }
    }

    @Test
    void refusesEveryControlRequestNamingTheSetting() {
        given().body("{}").post(API + "/start").then().statusCode(403).body("error", equalTo(DISABLED));
        given().post(API + "/stop").then().statusCode(403).body("error", equalTo(DISABLED));
        given().body("{\"rate\": 5}").put(API + "/rate").then().statusCode(403).body("error", equalTo(DISABLED));
        given().body("{\"file\": \"/etc/hostname\"}")
                .post(API + "/replay")
                .then()
                .statusCode(403)
                .contentType(ContentType.JSON)
                .body("error", equalTo(DISABLED));
    }

    @Test
    void refusesEvenWithABearerToken() {
        given().header("Authorization", "Bearer anything")
                .post(API + "/stop")
                .then()
                .statusCode(403);
    }

    @Test
    void leavesReadOnlyEndpointsOpen() {
        given().get(API + "/status").then().statusCode(200).body("state", equalTo("STOPPED"));
        given().get(API + "/replay/1").then().statusCode(404);
    }
}
