package dev.logflow.generator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ControlTokenTest.WithToken.class)
@WithTestResource(FakeFlumeResource.class)
class ControlTokenTest {

    private static final String API = "/api/generator";
    private static final String TOKEN = "test-token-4f9c2a";

    /** The test profile with a control token set. */
    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logflow.generator.control.token", TOKEN);
        }
    }

    @Test
    void refusesAControlRequestWithoutToken() {
        given().post(API + "/stop")
                .then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", "Bearer")
                .body("error", containsString("Authorization: Bearer"));
    }

    @Test
    void refusesAWrongTokenWithoutEchoingIt() {
        String wrong = "guessed-" + TOKEN;
        String answer = given().header("Authorization", "Bearer " + wrong)
                .post(API + "/stop")
                .then()
                .statusCode(401)
                .extract()
                .asString();
        assertFalse(answer.contains(wrong), answer);
    }

    @Test
    void refusesTheTokenUnderAnotherScheme() {
        given().header("Authorization", "Basic " + TOKEN)
                .post(API + "/stop")
                .then()
                .statusCode(401);
        given().header("Authorization", TOKEN).post(API + "/stop").then().statusCode(401);
    }

    @Test
    void guardsEveryControlEndpoint() {
        given().body("{}").post(API + "/start").then().statusCode(401);
        given().post(API + "/stop").then().statusCode(401);
        given().body("{\"rate\": 5}").put(API + "/rate").then().statusCode(401);
        given().body("{\"file\": \"/etc/hostname\"}")
                .post(API + "/replay")
                .then()
                .statusCode(401);
    }

    @Test
    void acceptsTheRightToken() {
        authorized()
                .body("{\"rate\": 7}")
                .put(API + "/rate")
                .then()
                .statusCode(200)
                .body("targetRate", equalTo(7.0f));
        authorized().post(API + "/stop").then().statusCode(200).body("state", not(equalTo("RUNNING")));
    }

    @Test
    void leavesReadOnlyEndpointsOpen() {
        given().get(API + "/status").then().statusCode(200);
        given().get(API + "/replay/999").then().statusCode(404);
    }

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }
}
