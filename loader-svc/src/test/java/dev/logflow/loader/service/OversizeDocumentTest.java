package dev.logflow.loader.service;

import static dev.logflow.loader.support.FlumeFiles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logflow.loader.config.LoaderConfigCheck;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the largest read buffer allowed, a whole Apache line can still make a document over MongoDB's 16 MiB (its text
 * is kept in {@code raw}, {@code message} and {@code path}): the size guard dead-letters it before the insert, so the
 * batch is neither refused nor retried, and the lines around it are stored.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@TestProfile(OversizeDocumentTest.LargestReadBuffer.class)
class OversizeDocumentTest {

    private static final long SERIES = 1_764_784_800_000L;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String TS = "2026-12-03T18:04:05.123Z";
    private static final int PATH_BYTES = 6 * 1024 * 1024;

    /** The loader with {@code read-buffer-bytes} at its upper bound. */
    public static class LargestReadBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logflow.loader.read-buffer-bytes", String.valueOf(LoaderConfigCheck.MAX_READ_BUFFER_BYTES));
        }
    }

    @Inject
    LoaderHarness harness;

    @AfterEach
    void stopLoader() {
        harness.stop();
    }

    @Test
    void deadLettersAnApacheLineWhoseDocumentWouldPass16MiBInsteadOfRetryingIt() {
        FlumeFiles files = harness.reset();
        String before = event("gen-o-1", TS, "checkout", "INFO", 200);
        String huge = "192.0.2.7 - - [03/Dec/2026:18:06:31 +0000] \"GET /" + "a".repeat(PATH_BYTES)
                + " HTTP/1.1\" 200 12 \"-\" \"curl/8\"\n";
        files.append(SERIES, 1, before + huge + event("gen-o-2", TS, "checkout", "INFO", 200));

        harness.start();

        await().atMost(PATIENCE)
                .until(() -> harness.events() == 2
                        && harness.collections().deadLetters().countDocuments() == 1);
        Document letter = harness.collections().deadLetters().find().first();
        assertTrue(
                letter.getString("reason")
                        .matches("document of \\d+ bytes is over MongoDB's limit of 16777216 bytes" + " \\(16 MiB\\)"),
                letter.getString("reason"));
        assertEquals(before.length(), letter.getLong("offset"));
        assertEquals(huge.length() - 1, letter.getLong("rawBytes"));
        String status =
                given().when().get("/api/loader/status").then().extract().asString();
        assertTrue(status.contains("\"retries\":0"), status);
    }
}
