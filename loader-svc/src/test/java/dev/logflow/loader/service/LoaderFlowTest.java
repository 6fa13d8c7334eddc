package dev.logflow.loader.service;

import static dev.logflow.loader.support.FlumeFiles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class LoaderFlowTest {

    private static final long SERIES_1 = 1_764_784_800_000L;
    private static final long SERIES_2 = SERIES_1 + 3_600_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String E1 = event("gen-a-1", "2026-12-03T18:04:05.123Z", "checkout", "INFO", 200);
    private static final String E2 = event("gen-a-2", "2026-12-03T18:04:59.999Z", "checkout", "WARN", 404);
    private static final String E3 = event("gen-a-3", "2026-12-03T18:05:00.000Z", "search", "ERROR", 500);
    private static final String E4 = event("gen-b-1", "2026-12-03T18:06:30.000Z", "search", "INFO", 200);
    private static final String APACHE =
            "192.0.2.7 - - [03/Dec/2026:18:06:31 +0000] \"GET /a HTTP/1.1\" 200 12 " + "\"-\" \"curl/8\"\r\n";
    private static final String WRONG_TYPE =
            "{\"id\":\"gen-a-9\",\"ts\":\"2026-12-03T18:06:00Z\",\"status\":\"500\"}\n";

    @Inject
    LoaderHarness harness;

    private FlumeFiles files;

    @BeforeEach
    void freshLoader() {
        files = harness.reset();
        harness.start();
    }

    private BsonDocument stored(String id) {
        return harness.collections().events().find(Filters.eq("_id", id)).first();
    }

    private Document deadLetter(String id) {
        return harness.collections().deadLetters().find(Filters.eq("_id", id)).first();
    }

    private Document checkpoint(String file) {
        return harness.collections()
                .checkpoints()
                .find(Filters.eq("_id", "loader-test|" + file))
                .first();
    }

    private void awaitEvents(long count) {
        await().atMost(PATIENCE).until(() -> harness.events() == count);
    }

    @Test
    void storesAHalfWrittenLineOnlyOnceFlumeHasFinishedIt() throws InterruptedException {
        files.append(SERIES_1, 1, E1 + E2 + E3.substring(0, 40));
        awaitEvents(2);
        Thread.sleep(300);
        assertEquals(2, harness.events(), "the half-written line must wait");
        assertEquals(0, harness.collections().deadLetters().countDocuments());

        files.append(SERIES_1, 1, E3.substring(40));

        awaitEvents(3);
        BsonDocument doc = stored("gen-a-3");
        assertEquals("search", doc.getString("service").getValue());
        assertEquals(500, doc.getInt32("status").getValue());
        assertEquals(
                Instant.parse("2026-12-03T18:05:00Z").toEpochMilli(),
                doc.getDateTime("ts").getValue());
        BsonDocument ingest = doc.getDocument("ingest");
        assertEquals(FlumeFiles.name(SERIES_1, 1), ingest.getString("file").getValue());
        assertEquals(E1.length() + E2.length(), ingest.getInt64("offset").getValue());
        assertTrue(ingest.getString("batch").getValue().startsWith("loader-test:"));
        assertEquals(BsonType.DATE_TIME, ingest.get("at").getBsonType());
        await().atMost(PATIENCE)
                .until(() -> checkpoint(FlumeFiles.name(SERIES_1, 1)).getLong("offset")
                        == E1.length() + E2.length() + E3.length());
        harness.assertRollupsMatchEvents();
    }

    @Test
    void followsRolledFilesEmptyFilesAndANewSeriesAfterAFlumeRestart() {
        String halfLine = E4.substring(0, 30);
        files.append(SERIES_1, 1, E1 + E2);
        files.empty(SERIES_1, 2);
        files.append(SERIES_1, 3, E3 + halfLine);
        files.append(SERIES_2, 1, E4 + E1 + "\n" + WRONG_TYPE + "not a log line\r\n" + APACHE);
        long truncatedAt = E3.length();

        awaitEvents(5);
        await().atMost(PATIENCE).until(() -> deadLetter(FlumeFiles.name(SERIES_1, 3) + ":" + truncatedAt) != null);

        Document truncated = deadLetter(FlumeFiles.name(SERIES_1, 3) + ":" + truncatedAt);
        assertEquals("truncated final line", truncated.getString("reason"));
        assertEquals(halfLine, truncated.getString("raw"));
        assertEquals(30L, truncated.getLong("rawBytes"));
        long wrongTypeAt = E4.length() + E1.length() + 1;
        Document wrongType = deadLetter(FlumeFiles.name(SERIES_2, 1) + ":" + wrongTypeAt);
        assertEquals("field 'status' must be a 32-bit integer, found a string", wrongType.getString("reason"));
        assertEquals(WRONG_TYPE.trim(), wrongType.getString("raw"));
        Document unknown = deadLetter(FlumeFiles.name(SERIES_2, 1) + ":" + (wrongTypeAt + WRONG_TYPE.length()));
        assertEquals("neither a logflow JSON event nor an Apache access-log line", unknown.getString("reason"));
        assertEquals(3, harness.collections().deadLetters().countDocuments());

        assertTrue(checkpoint(FlumeFiles.name(SERIES_1, 1)).getBoolean("complete"));
        assertEquals(0L, checkpoint(FlumeFiles.name(SERIES_1, 2)).getLong("offset"));
        assertTrue(checkpoint(FlumeFiles.name(SERIES_1, 2)).getBoolean("complete"));
        assertEquals(E3.length() + 30L, checkpoint(FlumeFiles.name(SERIES_1, 3)).getLong("offset"));
        assertFalse(checkpoint(FlumeFiles.name(SERIES_2, 1)).getBoolean("complete"), "the newest file stays open");

        BsonDocument apache = stored(FlumeFiles.name(SERIES_2, 1) + ":"
                + (wrongTypeAt + WRONG_TYPE.length() + "not a log line\r\n".length()));
        assertEquals("apache-combined", apache.getString("format").getValue());
        assertEquals(APACHE.trim(), apache.getString("raw").getValue());
        assertEquals(1L, harness.collections().events().countDocuments(Filters.eq("_id", "gen-a-1")));
        harness.assertRollupsMatchEvents();
        assertEquals(
                5L,
                harness.rollups().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void countsAnEventSeenTwiceAsADuplicateAndAnEmptyLineAsSkipped() {
        long duplicatesBefore = status().getLong("duplicates");
        long emptyBefore = status().getLong("emptyLines");

        files.append(SERIES_1, 1, E1 + "\n" + E2 + E1);

        awaitEvents(2);
        await().atMost(PATIENCE).until(() -> status().getLong("duplicates") == duplicatesBefore + 1);
        assertEquals(emptyBefore + 1, status().getLong("emptyLines"));
        assertEquals(0, harness.collections().deadLetters().countDocuments());
        harness.assertRollupsMatchEvents();
    }

    @Test
    void skipsAFileThatShrankBelowItsCheckpointAndCarriesOn() throws IOException {
        long truncatedBefore = status().getLong("truncatedFiles");
        files.append(SERIES_1, 1, E1 + E2);
        await().atMost(PATIENCE)
                .until(() -> checkpoint(FlumeFiles.name(SERIES_1, 1)) != null
                        && checkpoint(FlumeFiles.name(SERIES_1, 1)).getLong("offset") == E1.length() + E2.length());

        try (FileChannel channel = FileChannel.open(files.path(SERIES_1, 1), StandardOpenOption.WRITE)) {
            channel.truncate(10);
        }
        files.append(SERIES_1, 2, E3);

        awaitEvents(3);
        assertEquals(truncatedBefore + 1, status().getLong("truncatedFiles"));
        assertTrue(checkpoint(FlumeFiles.name(SERIES_1, 1)).getBoolean("complete"));
        harness.assertRollupsMatchEvents();
    }

    @Test
    void reportsItsWorkOnTheStatusEndpoint() {
        files.append(SERIES_1, 1, E1 + E2);
        awaitEvents(2);
        await().atMost(PATIENCE).until(() -> status().getLong("lagBytes") == 0);

        Document status = status();
        assertEquals("loader-test", status.getString("loaderId"));
        assertEquals(FlumeFiles.name(SERIES_1, 1), status.getString("currentFile"));
        assertTrue(status.getBoolean("running"));
        Document batches = status.get("batches", Document.class);
        assertTrue(batches.getLong("count") >= 1);
        assertNotNull(batches.get("meanSize"));
        assertNull(status.get("error"));
    }

    @Test
    void reportsItsBatchQueueEmptyWithItsCapacityOnceEverythingIsStored() {
        files.append(SERIES_1, 1, E1 + E2);
        awaitEvents(2);

        await().atMost(PATIENCE).until(() -> queue().getInteger("depth") == 0);
        assertEquals(4, queue().getInteger("capacity"), "logflow.loader.queue-capacity");
    }

    private static Document queue() {
        return status().get("queue", Document.class);
    }

    private static Document status() {
        String json = given().when()
                .get("/api/loader/status")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Document doc = Document.parse(json);
        for (String key : List.copyOf(doc.keySet())) {
            if (doc.get(key) instanceof Integer value) {
                doc.put(key, value.longValue());
            }
        }
        Document batches = doc.get("batches", Document.class);
        for (String key : List.of("count", "lastSize", "maxSize")) {
            batches.put(key, ((Number) batches.get(key)).longValue());
        }
        return doc;
    }
}
