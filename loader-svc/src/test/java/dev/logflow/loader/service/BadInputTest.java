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
import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every kind of bad input the loader can meet, written straight into its directory the way Flume's file_roll sink
 * writes, between good lines: each case ends stored, stored with a warning or dead-lettered with its reason, the good
 * lines around it arrive, and the loader keeps running. The table in loader-svc/README.md ("Bad input") lists the
 * cases with the test of each.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final long SERIES = 1_764_784_800_000L;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String TS = "2026-12-03T18:04:05.123Z";
    /** The read buffer of the test profile (the default): lines up to this long are parsed. */
    private static final int READ_BUFFER = 1 << 20;

    private static final int MAX_RAW = 4096;

    private static final String GOOD_BEFORE = event("gen-bad-1", TS, "checkout", "INFO", 200);
    private static final String GOOD_AFTER = event("gen-bad-99", TS, "checkout", "INFO", 200);
    /** Longer than Flume's max-line-length (16384 in logflow's agent), well within the loader's read buffer. */
    private static final String LONGER_THAN_FLUME_ALLOWS =
            event("gen-bad-2", TS, "checkout", "INFO", 200).replace("GET /api/x\"}", "x".repeat(20_000) + "\"}");

    private static final String EMPTY_LINES = "\n \t\n\r\n";
    private static final String CRLF =
            event("gen-bad-4", TS, "search", "WARN", 404).replace("\n", "\r\n");
    private static final String WRONG_TYPE =
            event("gen-bad-5", TS, "checkout", "INFO", 200).replace("\"status\":200", "\"status\":\"200\"");
    private static final String TS_AS_NUMBER = "{\"id\":\"gen-bad-6\",\"ts\":1764784800000}\n";
    private static final String ONLY_ID_AND_TS = "{\"id\":\"gen-bad-7\",\"ts\":\"" + TS + "\"}\n";
    private static final String MISSING_ID = "{\"ts\":\"" + TS + "\",\"service\":\"checkout\"}\n";
    private static final String DOLLAR_AND_DOT_KEYS = event("gen-bad-8", TS, "checkout", "INFO", 200)
            .replace("{\"id\"", "{\"$where\":\"sleep(1000)\",\"a.b\":1,\"$set\":{\"x.y\":1},\"id\"");
    private static final String DEEP_JSON =
            "{\"id\":\"gen-bad-9\",\"ts\":\"" + TS + "\",\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n";
    private static final String DEEP_ARRAY = "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    private static final String YEAR_0000 = event("gen-bad-10", "0000-06-01T12:00:00Z", "old", "INFO", 200);
    private static final String YEAR_0001 = event("gen-bad-11", "0001-06-01T12:00:00Z", "old", "INFO", 200);
    private static final String YEAR_9999 = event("gen-bad-12", "9999-12-31T23:59:59.999Z", "future", "INFO", 200);
    private static final String BEFORE_1970 = event("gen-bad-13", "1969-12-31T23:59:59.999Z", "old", "INFO", 200);
    private static final String YEAR_10000 = event("gen-bad-14", "+10000-01-01T00:00:00Z", "future", "INFO", 200);
    private static final String BEYOND_BSON_DATE =
            event("gen-bad-15", "+300000000-01-01T00:00:00Z", "future", "INFO", 200);
    private static final String NEGATIVE_YEAR = event("gen-bad-16", "-0001-01-01T00:00:00Z", "old", "INFO", 200);
    private static final String APACHE_YEAR_10000 =
            "192.0.2.7 - - [01/Jan/10000:00:00:00 +0000] \"GET /a HTTP/1.1\" 200 12 \"-\" \"curl/8\"\n";
    private static final String REPEATED_ID = GOOD_BEFORE;
    /**
     * 17 MiB of {@code x} and then a whole event: the reader once handed this line over in pieces of the read buffer
     * and parsed the last one, so the event at its end was stored as if it were a line of its own.
     */
    private static final String TAIL_EVENT_ID = "gen-bad-tail";

    private static final String TRUNCATED =
            event("gen-bad-50", TS, "checkout", "INFO", 200).substring(0, 60);

    private static final long STORED = 11;
    private static final long DEAD_LETTERS = 11;
    private static final long EMPTY = 3;
    private static final long DUPLICATES = 1;

    @Inject
    LoaderHarness harness;

    @Inject
    LoadLoop loop;

    @Inject
    LoaderMetrics metrics;

    /** The loader's counters before this class loaded anything: they count since the test application started. */
    private final Map<String, Long> before = new HashMap<>();

    private long hugeLineOffset;
    private long hugeLineLength;
    private long truncatedOffset;
    private long file1Size;

    @BeforeAll
    void loadEveryCase() {
        FlumeFiles files = harness.reset();
        byte[] file1 = fileWithEveryCase();
        files.append(FlumeFiles.name(SERIES, 1), file1);
        files.append(SERIES, 2, GOOD_AFTER);
        file1Size = file1.length;

        before.putAll(Map.of(
                "linesRead", metrics.linesRead.get(),
                "inserted", metrics.inserted.get(),
                "duplicates", metrics.duplicates.get(),
                "deadLetters", metrics.deadLetters.get(),
                "emptyLines", metrics.emptyLines.get(),
                "retries", metrics.retries.get()));

        harness.start();

        await().atMost(PATIENCE)
                .until(() -> harness.events() == STORED
                        && harness.collections().deadLetters().countDocuments() == DEAD_LETTERS
                        && metrics.duplicates.get() - before.get("duplicates") == DUPLICATES);
    }

    @AfterAll
    void stopLoader() {
        harness.stop();
    }

    private byte[] fileWithEveryCase() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, GOOD_BEFORE + LONGER_THAN_FLUME_ALLOWS);
        write(out, invalidUtf8Line());
        write(out, EMPTY_LINES + CRLF + WRONG_TYPE + TS_AS_NUMBER + ONLY_ID_AND_TS + MISSING_ID + DOLLAR_AND_DOT_KEYS);
        write(out, DEEP_JSON + DEEP_ARRAY + YEAR_0000 + YEAR_0001 + YEAR_9999 + BEFORE_1970);
        write(out, YEAR_10000 + BEYOND_BSON_DATE + NEGATIVE_YEAR + APACHE_YEAR_10000 + REPEATED_ID);
        hugeLineOffset = out.size();
        String huge = "x".repeat(17 * READ_BUFFER) + event(TAIL_EVENT_ID, TS, "checkout", "INFO", 200);
        hugeLineLength = huge.length() - 1;
        write(out, huge);
        truncatedOffset = out.size();
        write(out, TRUNCATED);
        return out.toByteArray();
    }

    private static byte[] invalidUtf8Line() {
        byte[] line = event("gen-bad-3", TS, "checkout", "INFO", 200)
                .replace("GET /api/x\"}", "caf#\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '#') {
                line[i] = (byte) 0xFF;
            }
        }
        return line;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        write(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private BsonDocument stored(String id) {
        return harness.collections().events().find(Filters.eq("_id", id)).first();
    }

    private Document deadLetterAt(long offset) {
        return harness.collections()
                .deadLetters()
                .find(Filters.eq("_id", FlumeFiles.name(SERIES, 1) + ":" + offset))
                .first();
    }

    private Document deadLetterContaining(String text) {
        return deadLetterMatching(Pattern.quote(text));
    }

    private Document deadLetterMatching(String regex) {
        return harness.collections()
                .deadLetters()
                .find(Filters.regex("raw", regex))
                .first();
    }

    private String reasonOf(String rawText) {
        Document letter = deadLetterContaining(rawText);
        assertNotNull(letter, "no dead letter holds " + rawText);
        return letter.getString("reason");
    }

    /** How much a counter of {@code GET /api/loader/status} grew while this class's files were loaded. */
    private long counted(String counter) {
        JsonPath status = JsonPath.from(given().when()
                .get("/api/loader/status")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        return status.getLong(counter) - before.get(counter);
    }

    private static List<String> warnings(BsonDocument event) {
        if (!event.containsKey("warnings")) {
            return List.of();
        }
        return event.getArray("warnings").stream()
                .map(w -> w.asString().getValue())
                .toList();
    }

    @Test
    void storesTheGoodLinesBeforeAndAfterEveryBadOne() {
        assertNotNull(stored("gen-bad-1"));
        assertNotNull(stored("gen-bad-99"));
        assertTrue(loop.alive(), "the loader's threads still run");
    }

    @Test
    void storesALineLongerThanFlumesMaxLineLengthWhole() {
        assertTrue(stored("gen-bad-2").getString("message").getValue().endsWith("x".repeat(20_000)));
    }

    @Test
    void storesALineWithBytesThatAreNotUtf8WithAWarning() {
        BsonDocument event = stored("gen-bad-3");

        assertEquals("caf\uFFFD", event.getString("message").getValue());
        assertEquals(List.of(LineParser.INVALID_UTF8_WARNING), warnings(event));
    }

    @Test
    void skipsAndCountsEmptyAndBlankLinesAndAnEmptyCrlfLine() {
        assertEquals(EMPTY, counted("emptyLines"));
    }

    @Test
    void storesACrlfLineWithoutItsCarriageReturnOrAWarning() {
        BsonDocument event = stored("gen-bad-4");

        assertEquals("GET /api/x", event.getString("message").getValue());
        assertEquals(List.of(), warnings(event));
    }

    @Test
    void deadLettersJsonWithAWrongTypeWithTheFieldInTheReason() {
        assertEquals("field 'status' must be a 32-bit integer, found a string", reasonOf("\"gen-bad-5\""));
        assertEquals("field 'ts' must be a string, found an integer", reasonOf("\"gen-bad-6\""));
        assertNull(stored("gen-bad-5"));
    }

    @Test
    void storesJsonWithMissingOptionalFieldsWithAWarningEach() {
        List<String> warnings = warnings(stored("gen-bad-7"));

        assertEquals(12, warnings.size(), warnings.toString());
        assertTrue(warnings.contains("missing field 'service'"), warnings.toString());
    }

    @Test
    void deadLettersJsonWithoutAnId() {
        assertEquals("missing required field 'id'", reasonOf(MISSING_ID.strip()));
    }

    @Test
    void storesJsonWithDollarAndDottedKeysWithoutThoseKeys() {
        BsonDocument event = stored("gen-bad-8");

        assertEquals("checkout", event.getString("service").getValue());
        assertFalse(event.keySet().stream().anyMatch(k -> k.startsWith("$") || k.contains(".")), event.toJson());
    }

    @Test
    void deadLettersJsonNestedTenThousandLevelsDeepWithoutAStackOverflow() {
        assertTrue(reasonOf("\"gen-bad-9\"").startsWith("invalid JSON: Document nesting depth"));
        Document array = deadLetterMatching("^" + Pattern.quote("[[[["));
        assertEquals(DEEP_ARRAY.length() - 1, array.getLong("rawBytes"));
        assertEquals("neither a logflow JSON event nor an Apache access-log line", array.getString("reason"));
    }

    @Test
    void storesTimestampsOfYear0000ToYear9999AndBefore1970() {
        assertEquals(Instant.parse("0000-06-01T12:00:00Z").toEpochMilli(), tsOf("gen-bad-10"));
        assertEquals(Instant.parse("0001-06-01T12:00:00Z").toEpochMilli(), tsOf("gen-bad-11"));
        assertEquals(Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli(), tsOf("gen-bad-12"));
        assertEquals(-1, tsOf("gen-bad-13"));
    }

    @Test
    void deadLettersTimestampsOutsideYears0000To9999() {
        String reason = "field 'ts' is out of range (years 0000 to 9999)";
        assertEquals(reason, reasonOf("\"gen-bad-14\""));
        assertEquals(reason, reasonOf("\"gen-bad-15\""));
        assertEquals(reason, reasonOf("\"gen-bad-16\""));
        // dd/MMM/yyyy reads four-digit years only: an Apache line cannot carry one outside the range.
        assertEquals("Apache timestamp not in dd/MMM/yyyy:HH:mm:ss Z form", reasonOf("[01/Jan/10000:"));
    }

    @Test
    void eventsOfYear0000NoLongerCountInTheRollupOfYear0001() {
        Map<String, Long> byMinute = new TreeMap<>();
        harness.collections()
                .rollups()
                .find(Filters.eq("service", "old"))
                .forEach(doc -> byMinute.put(doc.getDate("minute").toInstant().toString(), doc.getLong("count")));

        assertEquals(
                Map.of(
                        "0000-06-01T12:00:00Z", 1L,
                        "0001-06-01T12:00:00Z", 1L,
                        "1969-12-31T23:59:00Z", 1L),
                byMinute);
    }

    @Test
    void countsARepeatedEventIdAsDuplicateStoredOnceAndCountedOnceByTheRollups() {
        assertEquals(DUPLICATES, counted("duplicates"));
        assertEquals(1, harness.collections().events().countDocuments(Filters.eq("_id", "gen-bad-1")));
        harness.assertRollupsMatchEvents();
        harness.assertSourceStatsMatchEvents();
    }

    @Test
    void deadLettersA17MegabyteLineOnceWithItsLengthAndHead() {
        Document letter = deadLetterAt(hugeLineOffset);

        assertEquals(
                "line of " + hugeLineLength
                        + " bytes is longer than the read buffer (logflow.loader.read-buffer-bytes)",
                letter.getString("reason"));
        assertEquals(hugeLineLength, letter.getLong("rawBytes"));
        assertEquals("x".repeat(MAX_RAW), letter.getString("raw"));
    }

    @Test
    void tailOfALineLongerThanTheReadBufferIsNoLongerStoredAsAnEvent() {
        assertNull(stored(TAIL_EVENT_ID));
        assertEquals(
                1,
                harness.collections()
                        .deadLetters()
                        .countDocuments(Filters.and(
                                Filters.gte("offset", hugeLineOffset), Filters.lt("offset", truncatedOffset))));
    }

    @Test
    void deadLettersAFileEndingInHalfALineOnceANewerFileExists() {
        Document letter = deadLetterAt(truncatedOffset);

        assertEquals("truncated final line", letter.getString("reason"));
        assertEquals(TRUNCATED.length(), letter.getLong("rawBytes"));
        Document checkpoint = harness.collections()
                .checkpoints()
                .find(Filters.eq("_id", "loader-test|" + FlumeFiles.name(SERIES, 1)))
                .first();
        assertEquals(file1Size, checkpoint.getLong("offset"));
        assertTrue(checkpoint.getBoolean("complete"));
    }

    @Test
    void reportsEveryLineReadAndEveryOutcomeInTheStatus() {
        assertEquals(STORED + DEAD_LETTERS + EMPTY + DUPLICATES, counted("linesRead"));
        assertEquals(STORED, counted("inserted"));
        assertEquals(DEAD_LETTERS, counted("deadLetters"));
        assertEquals(0, counted("retries"));
    }

    private long tsOf(String id) {
        return stored(id).getDateTime("ts").getValue();
    }
}
