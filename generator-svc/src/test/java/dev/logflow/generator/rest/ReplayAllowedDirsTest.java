package dev.logflow.generator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ReplayAllowedDirsTest.AllowedDir.class)
@WithTestResource(FakeFlumeResource.class)
class ReplayAllowedDirsTest {

    private static final String API = "/api/generator";
    private static final String SETTING = "logflow.generator.replay.allowed-dirs";
    // Fixed paths under target/ because the profile and the test may be loaded by different class loaders.
    private static final Path ALLOWED =
            Path.of("target", "replay-test", "allowed").toAbsolutePath();
    private static final Path OUTSIDE =
            Path.of("target", "replay-test", "outside").toAbsolutePath();
    private static final Path INSIDE_FILE = ALLOWED.resolve("inside.log");
    private static final Path OUTSIDE_FILE = OUTSIDE.resolve("secret.log");
    private static final Path ESCAPING_LINK = ALLOWED.resolve("escape.log");

    /** Replays allowed from one directory only; the start-up replays name one file inside and one outside it. */
    public static class AllowedDir implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            createFiles();
            return Map.of(
                    SETTING,
                    ALLOWED.toString(),
                    "logflow.generator.replay.any-file-without-allowed-dirs",
                    "true",
                    "logflow.generator.replay-files",
                    OUTSIDE_FILE + "," + INSIDE_FILE);
        }
    }

    @Test
    void replaysAFileInsideTheAllowedDir() throws IOException {
        replay(INSIDE_FILE.toString())
                .statusCode(202)
                .body("file", equalTo(INSIDE_FILE.toRealPath().toString()));
    }

    @Test
    void refusesAFileOutsideTheAllowedDirs() {
        forbidden(OUTSIDE_FILE.toString());
    }

    @Test
    void refusesASymlinkThatLeavesTheAllowedDir() {
        forbidden(ESCAPING_LINK.toString());
    }

    @Test
    void refusesADotDotEscape() {
        forbidden(ALLOWED + "/../outside/secret.log");
    }

    @Test
    void refusesAMissingFileOutsideWithoutSayingItIsMissing() {
        forbidden(OUTSIDE.resolve("absent.log").toString());
    }

    @Test
    void repeatsALongPathOnlyShortened() {
        String longPath = OUTSIDE.resolve("x".repeat(60_000) + ".log").toString();

        replay(longPath)
                .statusCode(403)
                .body("error", containsString(SETTING))
                .body("error.length()", lessThan(400))
                .body("error", containsString("..."));
    }

    @Test
    void replaysAtStartUpOnlyTheFilesInsideTheAllowedDir() throws IOException {
        given().get(API + "/status")
                .then()
                .statusCode(200)
                .body("replays.findAll { it.file == '" + INSIDE_FILE.toRealPath() + "' }", hasSize(1))
                .body("replays.findAll { it.file == '" + OUTSIDE_FILE + "' }", hasSize(0));
    }

    private static void forbidden(String file) {
        replay(file).statusCode(403).contentType(ContentType.JSON).body("error", containsString(SETTING));
    }

    private static ValidatableResponse replay(String file) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("file", file))
                .post(API + "/replay")
                .then();
    }

    private static void createFiles() {
        try {
            Files.createDirectories(ALLOWED);
            Files.createDirectories(OUTSIDE);
            Files.writeString(INSIDE_FILE, "allowed line\n");
            Files.writeString(OUTSIDE_FILE, "must never be sent\n");
            Files.deleteIfExists(ESCAPING_LINK);
            Files.createSymbolicLink(ESCAPING_LINK, OUTSIDE_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
