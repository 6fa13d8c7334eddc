package dev.logflow.loader.service;

import static dev.logflow.loader.support.FlumeFiles.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lines that once froze or killed the reader: each costs at most itself, the lines after it are stored. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class PoisonLineTest {

    private static final long SERIES = 1_764_784_800_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String E1 = event("gen-p-1", "2026-12-03T18:04:05.123Z", "checkout", "INFO", 200);
    private static final String E2 = event("gen-p-2", "2026-12-03T18:04:59.999Z", "checkout", "WARN", 404);
    private static final String E3 = event("gen-p-3", "2026-12-03T18:05:00.000Z", "search", "ERROR", 500);
    private static final String LONG_REQUEST = "192.0.2.7 - - [03/Dec/2026:18:06:31 +0000] \"GET /" + "a".repeat(5000)
            + " HTTP/1.1\" 200 12 \"-\" \"curl/8\"\n";
    private static final String BYTES_OVERFLOW =
            "192.0.2.7 - - [03/Dec/2026:18:06:31 +0000] \"GET /a HTTP/1.1\" 200 99999999999999999999\n";
    private static final String TS_OVERFLOW = "{\"id\":\"x-1\",\"ts\":\"+300000000-01-01T00:00:00Z\"}\n";

    @Inject
    LoaderHarness harness;

    @Inject
    LoadLoop loop;

    @AfterEach
    void stopLoader() {
        harness.stop();
    }

    @Test
    void poisonLinesAreDeadLetteredAndTheLinesAfterThemStored() {
        FlumeFiles files = harness.reset();
        files.append(SERIES, 1, E1 + LONG_REQUEST + BYTES_OVERFLOW + TS_OVERFLOW + E2);
        files.append(SERIES, 2, E3);

        harness.start();

        await().atMost(PATIENCE)
                .until(() -> harness.events() == 4
                        && harness.collections().deadLetters().countDocuments() == 2);
        Set<String> reasons = harness.collections()
                .deadLetters()
                .find()
                .map(letter -> letter.getString("reason"))
                .into(new HashSet<>());
        assertEquals(
                Set.of(
                        "Apache bytes field is out of range: more than 18 digits",
                        "field 'ts' is out of range (years 0000 to 9999)"),
                reasons);
        BsonDocument longLine = harness.collections()
                .events()
                .find(Filters.eq("path", "/" + "a".repeat(5000)))
                .first();
        assertEquals(200, longLine.getInt32("status").getValue());
        assertTrue(loop.alive());
        harness.assertRollupsMatchEvents();
    }
}
