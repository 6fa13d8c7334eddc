package dev.logflow.loader.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logflow.loader.support.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.junit.jupiter.api.Test;

class LineParserTest {

    private static final String EVENT = "{\"id\":\"gen-a1-42\",\"source\":\"gen-a1\",\"seq\":42,"
            + "\"ts\":\"2026-12-03T18:04:05.123Z\",\"service\":\"checkout\",\"host\":\"web-02\",\"level\":\"INFO\","
            + "\"method\":\"GET\",\"path\":\"/api/cart/123\",\"status\":200,\"latencyMs\":37,\"bytes\":5120,"
            + "\"userAgent\":\"Mozilla/5.0\",\"message\":\"GET /api/cart/123 200 37ms\"}";
    private static final String COMBINED = "83.149.9.216 - - [17/May/2015:10:05:03 +0000] "
            + "\"GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1\" 200 203023 "
            + "\"http://semicomplete.com/presentations/logstash-monitorama-2013/\" \"Mozilla/5.0 (Macintosh)\"";
    private static final String COMMON =
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] " + "\"GET /apache_pb.gif HTTP/1.0\" 304 -";

    private final LineParser parser = new LineParser("apache");

    private ParseResult parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, "events-1-1", 128);
    }

    private BsonDocument event(String line) {
        return assertInstanceOf(ParseResult.Event.class, parse(line)).document();
    }

    private String failure(String line) {
        return assertInstanceOf(ParseResult.Failure.class, parse(line)).reason();
    }

    @Test
    void storesAGeneratedEventWithTheBsonTypesOfTheDataModel() {
        BsonDocument doc = event(EVENT);

        assertEquals("gen-a1-42", doc.getString("_id").getValue());
        assertEquals(BsonType.DATE_TIME, doc.get("ts").getBsonType());
        assertEquals(
                Instant.parse("2026-12-03T18:04:05.123Z").toEpochMilli(),
                doc.getDateTime("ts").getValue());
        assertEquals(BsonType.INT32, doc.get("status").getBsonType());
        assertEquals(BsonType.INT32, doc.get("latencyMs").getBsonType());
        assertEquals(BsonType.INT64, doc.get("bytes").getBsonType());
        assertEquals(BsonType.INT64, doc.get("seq").getBsonType());
        assertEquals(5120L, doc.getInt64("bytes").getValue());
        assertEquals("logflow", doc.getString("format").getValue());
        assertEquals("checkout", doc.getString("service").getValue());
        assertFalse(doc.containsKey("warnings"));
        assertFalse(doc.containsKey("raw"), "JSON events are stored field by field, without raw");
    }

    @Test
    void neverCopiesDollarOrDottedKeysIntoTheDocument() {
        BsonDocument doc = event(EVENT.replace("{\"id\"", "{\"$where\":\"x\",\"a.b\":1,\"extra\":{\"$gt\":1},\"id\""));

        assertFalse(doc.keySet().stream().anyMatch(k -> k.startsWith("$") || k.contains(".")));
        assertFalse(doc.containsKey("extra"));
    }

    @Test
    void deadLettersJsonWithAWrongType() {
        assertEquals(
                "field 'status' must be a 32-bit integer, found a string",
                failure(EVENT.replace("\"status\":200", "\"status\":\"200\"")));
        assertEquals(
                "field 'bytes' must be a 64-bit integer, found a decimal number",
                failure(EVENT.replace("\"bytes\":5120", "\"bytes\":51.2")));
        assertEquals(
                "field 'status' must be a 32-bit integer, found an integer out of range",
                failure(EVENT.replace("\"status\":200", "\"status\":2147483648")));
    }

    @Test
    void anIntegerWhereAStringBelongsIsNoLongerReportedAsOutOfRange() {
        assertEquals(
                "field 'id' must be a string, found an integer",
                failure(EVENT.replace("\"id\":\"gen-a1-42\"", "\"id\":99999999999999999999")));
        assertEquals(
                "field 'ts' must be a string, found an integer",
                failure(EVENT.replace("\"2026-12-03T18:04:05.123Z\"", "1764784800000")));
    }

    @Test
    void deadLettersJsonWithoutIdOrTs() {
        assertEquals("missing required field 'id'", failure(EVENT.replace("\"id\":\"gen-a1-42\",", "")));
        assertEquals("missing required field 'ts'", failure(EVENT.replace("\"ts\":\"2026-12-03T18:04:05.123Z\",", "")));
        assertTrue(
                failure(EVENT.replace("2026-12-03T18:04:05.123Z", "yesterday")).startsWith("field 'ts' is not"));
    }

    @Test
    void storesJsonWithoutOptionalFieldsWithAWarningPerField() {
        BsonDocument doc = event("{\"id\":\"x-1\",\"ts\":\"2026-12-03T18:04:05Z\",\"service\":\"s\",\"status\":500}");

        List<String> warnings = doc.getArray("warnings").stream()
                .map(v -> v.asString().getValue())
                .toList();
        assertTrue(warnings.contains("missing field 'host'"));
        assertTrue(warnings.contains("missing field 'latencyMs'"));
        assertFalse(warnings.contains("missing field 'service'"));
    }

    @Test
    void refusesBrokenJsonWithAClearReason() {
        assertTrue(failure("{\"id\":\"x\",\"ts\":").startsWith("invalid JSON"));
        assertTrue(failure("{\"id\":\"x\"} trailing").startsWith("invalid JSON"));
    }

    @Test
    void parsesAnApacheCombinedLine() {
        BsonDocument doc = event(COMBINED);

        assertEquals("events-1-1:128", doc.getString("_id").getValue());
        assertEquals(
                Instant.parse("2015-05-17T10:05:03Z").toEpochMilli(),
                doc.getDateTime("ts").getValue());
        assertEquals("apache-combined", doc.getString("format").getValue());
        assertEquals("apache", doc.getString("service").getValue());
        assertEquals("INFO", doc.getString("level").getValue());
        assertEquals("GET", doc.getString("method").getValue());
        assertEquals("HTTP/1.1", doc.getString("protocol").getValue());
        assertEquals(200, doc.getInt32("status").getValue());
        assertEquals(203023L, doc.getInt64("bytes").getValue());
        assertEquals("83.149.9.216", doc.getString("clientIp").getValue());
        assertEquals("Mozilla/5.0 (Macintosh)", doc.getString("userAgent").getValue());
        assertEquals(
                "http://semicomplete.com/presentations/logstash-monitorama-2013/",
                doc.getString("referrer").getValue());
        assertEquals(COMBINED, doc.getString("raw").getValue());
        assertFalse(doc.containsKey("user"));
    }

    @Test
    void parsesAnApacheCommonLineWithDashBytesAsZero() {
        BsonDocument doc = event(COMMON);

        assertEquals("apache-common", doc.getString("format").getValue());
        assertEquals(0L, doc.getInt64("bytes").getValue());
        assertEquals(BsonType.INT64, doc.get("bytes").getBsonType());
        assertEquals("frank", doc.getString("user").getValue());
        assertEquals(
                Instant.parse("2000-10-10T20:55:36Z").toEpochMilli(),
                doc.getDateTime("ts").getValue());
        assertFalse(doc.containsKey("userAgent"));
    }

    @Test
    void keepsAnApacheLineWhoseUserAgentLostItsClosingQuoteWithAWarning() {
        BsonDocument doc = event(COMBINED.substring(0, COMBINED.length() - 1));

        assertEquals("Mozilla/5.0 (Macintosh)", doc.getString("userAgent").getValue());
        assertEquals(
                "user agent has no closing quote",
                doc.getArray("warnings").get(0).asString().getValue());
    }

    @Test
    void derivesTheLevelOfApacheLinesFromTheStatus() {
        assertEquals(
                "WARN",
                event(COMMON.replace(" 304 ", " 404 ")).getString("level").getValue());
        assertEquals(
                "ERROR",
                event(COMMON.replace(" 304 ", " 503 ")).getString("level").getValue());
    }

    @Test
    void parsesTheFirstLinesOfTheApacheSample() throws IOException {
        List<String> lines;
        try (Stream<String> stream = Files.lines(SampleData.file("apache-access-10k.log"))) {
            lines = stream.limit(200).toList();
        }

        for (String line : lines) {
            BsonDocument doc = event(line);
            assertEquals("apache-combined", doc.getString("format").getValue(), line);
        }
        BsonDocument first = event(lines.get(0));
        assertEquals(
                Instant.parse("2015-05-17T10:05:03Z").toEpochMilli(),
                first.getDateTime("ts").getValue());
    }

    @Test
    void parsesEveryLineOfTheApacheSample() throws IOException {
        List<String> lines = Files.readAllLines(SampleData.file("apache-access-10k.log"));

        List<String> refused = lines.stream()
                .filter(line -> !(parse(line) instanceof ParseResult.Event))
                .map(line -> parse(line) + " <- " + line)
                .toList();

        assertEquals(10_000, lines.size());
        assertEquals(List.of(), refused);
    }

    @Test
    void stripsTheCarriageReturnOfCrlfLines() {
        assertEquals(
                "x-1",
                event(EVENT.replace("gen-a1-42", "x-1") + "\r").getString("_id").getValue());
        assertEquals(COMMON, event(COMMON + "\r").getString("raw").getValue());
    }

    @Test
    void reportsEmptyAndBlankLinesAsEmpty() {
        assertSame(ParseResult.Empty.INSTANCE, parse(""));
        assertSame(ParseResult.Empty.INSTANCE, parse("\r"));
        assertSame(ParseResult.Empty.INSTANCE, parse("  \t"));
    }

    @Test
    void refusesALineThatIsNoKnownFormat() {
        assertEquals("neither a logflow JSON event nor an Apache access-log line", failure("hello world"));
        assertTrue(failure(COMMON.replace("[10/Oct/2000:13:55:36 -0700]", "[10/Foo/2000:13:55:36 -0700]"))
                .startsWith("Apache timestamp"));
    }

    @Test
    void storesAnEventWithInvalidUtf8WithAWarning() {
        byte[] good = EVENT.replace("Mozilla/5.0", "Mozilla#5.0").getBytes(StandardCharsets.UTF_8);
        int at = new String(good, StandardCharsets.UTF_8).indexOf('#');
        good[at] = (byte) 0xC3; // a lead byte followed by '5': not UTF-8

        ParseResult result = parser.parse(good, 0, good.length, "f", 0);

        BsonDocument doc = assertInstanceOf(ParseResult.Event.class, result).document();
        assertEquals("Mozilla\uFFFD5.0", doc.getString("userAgent").getValue());
        assertEquals(
                new BsonString(LineParser.INVALID_UTF8_WARNING),
                doc.getArray("warnings").get(0));
    }

    @Test
    void parsesALineInTheMiddleOfALargerBuffer() {
        byte[] buf = ("xx" + EVENT + "yy").getBytes(StandardCharsets.UTF_8);

        ParseResult result = parser.parse(buf, 2, buf.length - 4, "f", 0);

        assertEquals(
                "gen-a1-42",
                assertInstanceOf(ParseResult.Event.class, result)
                        .document()
                        .getString("_id")
                        .getValue());
    }

    @Test
    void aLongQuotedApacheFieldIsStoredNotAStackOverflow() {
        String path = "/" + "a".repeat(100_000);
        String referrer = "http://example.com/" + "b".repeat(50_000);
        String agent = "Mozilla/5.0 " + "\\\"quoted\\\" ".repeat(20_000);
        String line = "192.0.2.7 - - [03/Dec/2026:18:06:31 +0000] \"GET " + path + " HTTP/1.1\" 200 12 \"" + referrer
                + "\" \"" + agent + "\"";

        BsonDocument doc = event(line);

        assertEquals(path, doc.getString("path").getValue());
        assertEquals(referrer, doc.getString("referrer").getValue());
        assertEquals(agent, doc.getString("userAgent").getValue());
        assertFalse(doc.containsKey("warnings"));
    }

    @Test
    void aLongApacheUserAgentWithoutItsClosingQuoteIsStoredWithAWarning() {
        String agent = "Mozilla/5.0 " + "c".repeat(100_000);

        BsonDocument doc = event(COMBINED.substring(0, COMBINED.lastIndexOf(" \"")) + " \"" + agent);

        assertEquals(agent, doc.getString("userAgent").getValue());
        assertEquals(
                "user agent has no closing quote",
                doc.getArray("warnings").get(0).asString().getValue());
    }

    @Test
    void anApacheBytesFieldBeyondALongIsDeadLetteredNotFatal() {
        String reason = failure(COMMON.replace(" 304 -", " 200 99999999999999999999"));

        assertEquals("Apache bytes field is out of range: more than 18 digits", reason);
        assertEquals(
                999_999_999_999_999_999L,
                event(COMMON.replace(" 304 -", " 200 999999999999999999"))
                        .getInt64("bytes")
                        .getValue());
    }

    @Test
    void aJsonTsBeyondEpochMillisIsDeadLetteredNotFatal() {
        assertEquals(
                "field 'ts' is out of range (years 0000 to 9999)",
                failure("{\"id\":\"x-1\",\"ts\":\"+300000000-01-01T00:00:00Z\"}"));
    }
}
