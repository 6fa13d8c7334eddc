package dev.logflow.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedMongoResource.class)
class DataResourceTest {

    private static final String FROM = "2026-01-01T10:00Z";
    private static final String TO = "2026-01-01T10:05Z";

    @Inject
    MongoClient client;

    private Fixtures fixtures;

    /**
     * Five minutes with 25 events (10:00 has 17, 10:02 has 7, 10:04 has 1, 10:01 and 10:03 none) and 200 more just
     * outside on both sides.
     */
    @BeforeEach
    void writeFixture() {
        fixtures = new Fixtures(client);
        fixtures.clear();
        fixtures.rollup("2026-01-01T09:59:00Z", "checkout", "INFO", 200, 100);
        fixtures.rollup("2026-01-01T10:00:00Z", "checkout", "INFO", 200, 10);
        fixtures.rollup("2026-01-01T10:00:00Z", "checkout", "WARN", 404, 2);
        fixtures.rollup("2026-01-01T10:00:00Z", "search", "INFO", 200, 5);
        fixtures.rollup("2026-01-01T10:02:00Z", "checkout", "ERROR", 500, 3);
        fixtures.rollup("2026-01-01T10:02:00Z", "search", "INFO", 301, 4);
        fixtures.rollup("2026-01-01T10:04:00Z", "search", "INFO", 200, 1);
        fixtures.rollup("2026-01-01T10:05:00Z", "checkout", "INFO", 200, 100);
        fixtures.event("e1", "2026-01-01T10:00:10Z", "checkout", "INFO", 200, "ok");
        fixtures.event("e2", "2026-01-01T10:02:30Z", "checkout", "ERROR", 500, "boom");
        fixtures.event("e3", "2026-01-01T10:04:30Z", "search", "INFO", 200, "found");
        fixtures.event("e4", "2026-01-01T10:05:30Z", "checkout", "INFO", 200, "after the window");
    }

    private JsonPath data(String query) {
        return given().urlEncodingEnabled(false)
                .when()
                .get(query.isEmpty() ? "/api/data" : "/api/data?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void returnsExactFiguresOfTheWindow() {
        JsonPath json = data("from=" + FROM + "&to=" + TO);

        assertEquals("2026-01-01T10:00:00Z", json.getString("window.from"));
        assertEquals("2026-01-01T10:05:00Z", json.getString("window.to"));
        assertEquals(1, json.getInt("window.bucketMinutes"));
        assertEquals("UTC", json.getString("window.timeZone"));
        assertEquals(List.of(17, 0, 7, 0, 1), json.getList("series.count"));
        assertEquals(List.of(200, 301, 500, 404), json.getList("statuses.status"));
        assertEquals(List.of(16, 4, 3, 2), json.getList("statuses.count"));
        assertEquals(16, json.getInt("classes.'2xx'"));
        assertEquals(4, json.getInt("classes.'3xx'"));
        assertEquals(2, json.getInt("classes.'4xx'"));
        assertEquals(3, json.getInt("classes.'5xx'"));
        assertEquals(25, json.getInt("totals.events"));
        assertEquals(1 / 60.0, json.getDouble("totals.eventsPerSecond"), 1e-6);
        assertEquals(0.12, json.getDouble("totals.errorShare"), 1e-9);
        assertEquals("2026-01-01T10:04:30Z", json.getString("totals.newestEvent"));
    }

    @Test
    void listsMinutesWithoutEventsAsZero() {
        JsonPath json = data("from=" + FROM + "&to=" + TO);

        assertEquals(
                List.of(
                        "2026-01-01T10:00:00Z",
                        "2026-01-01T10:01:00Z",
                        "2026-01-01T10:02:00Z",
                        "2026-01-01T10:03:00Z",
                        "2026-01-01T10:04:00Z"),
                json.getList("series.start"));
        assertEquals(0, json.getInt("series[1].count"));
        assertEquals(0, json.getInt("series[3].count"));
    }

    @Test
    void filtersByService() {
        JsonPath json = data("from=" + FROM + "&to=" + TO + "&service=checkout");

        assertEquals(List.of(12, 0, 3, 0, 0), json.getList("series.count"));
        assertEquals(List.of(200, 500, 404), json.getList("statuses.status"));
        assertEquals(15, json.getInt("totals.events"));
        assertEquals(0.2, json.getDouble("totals.errorShare"), 1e-9);
        assertEquals("checkout", json.getString("filters.service"));
        assertEquals("2026-01-01T10:02:30Z", json.getString("totals.newestEvent"));
    }

    @Test
    void filtersByLevelInAnyCase() {
        JsonPath json = data("from=" + FROM + "&to=" + TO + "&level=info");

        assertEquals(List.of(15, 0, 4, 0, 1), json.getList("series.count"));
        assertEquals(List.of(16, 4), json.getList("statuses.count"));
        assertEquals("INFO", json.getString("filters.level"));
        assertEquals(0.0, json.getDouble("totals.errorShare"));
    }

    @Test
    void combinesServiceAndLevel() {
        JsonPath json = data("from=" + FROM + "&to=" + TO + "&service=checkout&level=ERROR");

        assertEquals(List.of(0, 0, 3, 0, 0), json.getList("series.count"));
        assertEquals(1.0, json.getDouble("totals.errorShare"));
    }

    @Test
    void answersAnUnknownServiceWithZeros() {
        JsonPath json = data("from=" + FROM + "&to=" + TO + "&service=nobody");

        assertEquals(List.of(0, 0, 0, 0, 0), json.getList("series.count"));
        assertEquals(0, json.getInt("totals.events"));
        assertEquals(0.0, json.getDouble("totals.errorShare"));
        assertNull(json.get("totals.newestEvent"));
    }

    @Test
    void roundsTheWindowOutToWholeMinutes() {
        JsonPath json = data("from=2026-01-01T10:00:30Z&to=2026-01-01T10:04:10Z");

        assertEquals("2026-01-01T10:00:00Z", json.getString("window.from"));
        assertEquals("2026-01-01T10:05:00Z", json.getString("window.to"));
        assertEquals(25, json.getInt("totals.events"));
    }

    @Test
    void placesAWindowLengthBeforeToOrAfterFrom() {
        JsonPath before = data("window=15m&to=" + TO);
        JsonPath after = data("window=5m&from=" + FROM);

        assertEquals("2026-01-01T09:50:00Z", before.getString("window.from"));
        assertEquals(15, before.getList("series").size());
        assertEquals(125, before.getInt("totals.events"));
        assertEquals(TO.replace("Z", ":00Z"), after.getString("window.to"));
        assertEquals(25, after.getInt("totals.events"));
    }

    @Test
    void acceptsTimesWithAnOffset() {
        JsonPath json = data("from=2026-01-01T11:00%2B01:00&to=2026-01-01T11:05%2B01:00");

        assertEquals("2026-01-01T10:00:00Z", json.getString("window.from"));
        assertEquals(25, json.getInt("totals.events"));
    }

    @Test
    void showsTheLastSixtyMinutesByDefault() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        fixtures.rollup(now.minus(2, ChronoUnit.MINUTES), "checkout", "INFO", 200, 7);
        fixtures.rollup(now.minus(10, ChronoUnit.MINUTES), "checkout", "WARN", 404, 3);
        fixtures.rollup(now.minus(3, ChronoUnit.HOURS), "checkout", "INFO", 200, 1000);

        JsonPath json = data("");

        assertEquals(60, json.getList("series").size());
        assertEquals(10, json.getInt("totals.events"));
        Instant to = Instant.parse(json.getString("window.to"));
        assertEquals(to.minus(1, ChronoUnit.MINUTES), Instant.parse(json.getString("series[59].start")));
        assertEquals(to.minus(60, ChronoUnit.MINUTES), Instant.parse(json.getString("window.from")));
    }

    @Test
    void bucketsWindowsLongerThanAWeekOfMinutesByFiveMinutes() {
        JsonPath json = data("from=2026-01-01T00:00Z&to=2026-01-09T00:00Z");

        assertEquals(5, json.getInt("window.bucketMinutes"));
        assertEquals(8 * 24 * 12, json.getList("series").size());
        int tenOClock = 10 * 12;
        assertEquals(100, json.getInt("series[" + (tenOClock - 1) + "].count"));
        assertEquals(25, json.getInt("series[" + tenOClock + "].count"));
        assertEquals(100, json.getInt("series[" + (tenOClock + 1) + "].count"));
        assertEquals("2026-01-01T10:00:00Z", json.getString("series[" + tenOClock + "].start"));
        assertEquals(225, json.getInt("totals.events"));
    }

    /** gen-a1 lost two events in the middle, gen-b2 its first three (seqs 1 to 3), gen-c3 nothing. */
    private void writeLosses() {
        fixtures.sourceStats("gen-a1", 8, 1, 10);
        fixtures.sourceStats("gen-b2", 5, 4, 8);
        fixtures.sourceStats("gen-c3", 100, 1, 100);
        fixtures.deadLetter("events-1733300000000-1", 0, "not JSON and not an Apache line", "garbage");
        fixtures.deadLetter("events-1733300000000-1", 812, "timestamp out of range", "{\"ts\":\"10000-01-01\"}");
    }

    @Test
    void countsMissingEventsFromSeqOneAndDeadLettersOfEverySource() {
        writeLosses();

        JsonPath json = data("from=" + FROM + "&to=" + TO);

        assertEquals(5, json.getLong("losses.missingEvents"));
        assertEquals(2, json.getLong("losses.deadLetters"));
        assertEquals(3, json.getLong("losses.sources"));
    }

    @Test
    void showsTheSameLossesWhateverTheWindowAndFilters() {
        writeLosses();

        for (String query : List.of("", "window=7d", "from=" + FROM + "&to=" + TO + "&service=nobody&level=DEBUG")) {
            JsonPath json = data(query);
            assertEquals(5, json.getLong("losses.missingEvents"), query);
            assertEquals(2, json.getLong("losses.deadLetters"), query);
        }
    }

    @Test
    void reportsNoLossesBeforeTheLoaderHasCountedAnything() {
        JsonPath json = data("from=" + FROM + "&to=" + TO);

        assertEquals(0, json.getLong("losses.missingEvents"));
        assertEquals(0, json.getLong("losses.deadLetters"));
        assertEquals(0, json.getLong("losses.sources"));
    }

    @Test
    void showsNewLossesOnTheNextRequestWhenReuseIsOff() {
        writeLosses();
        assertEquals(5, data("").getLong("losses.missingEvents"));

        fixtures.sourceStats("gen-b2", 8, 1, 8);
        fixtures.deadLetter("events-1733300000000-2", 0, "line longer than the read buffer", "x");

        JsonPath json = data("");
        assertEquals(2, json.getLong("losses.missingEvents"));
        assertEquals(3, json.getLong("losses.deadLetters"));
    }

    @Test
    void rejectsAMalformedFromNamingIt() {
        given().get("/api/data?from=yesterday")
                .then()
                .statusCode(400)
                .body("error", containsString("from: 'yesterday' is not an ISO-8601 time"));
    }

    @Test
    void rejectsAMalformedTo() {
        given().get("/api/data?to=2026-13-01T00:00Z")
                .then()
                .statusCode(400)
                .body("error", containsString("to: '2026-13-01T00:00Z'"));
    }

    @Test
    void rejectsTimesOutsideTheRangeOfLogTimes() {
        given().queryParam("from", "+999999999-12-31T23:59Z")
                .queryParam("window", "1d")
                .get("/api/data")
                .then()
                .statusCode(400)
                .body("error", containsString("is not between 1970-01-01T00:00:00Z and 9999-12-31T00:00:00Z"));
        given().get("/api/data?to=1969-12-31T23:59Z").then().statusCode(400).body("error", containsString("to:"));
    }

    @Test
    void rejectsAMalformedWindow() {
        given().queryParam("window", "an hour")
                .get("/api/data")
                .then()
                .statusCode(400)
                .body("error", equalTo("window: 'an hour' is not a length such as 15m, 6h, 7d or PT6H"));
    }

    @Test
    void rejectsAWindowShorterThanAMinuteOrLongerThanTheMaximum() {
        given().get("/api/data?window=0m").then().statusCode(400).body("error", containsString("window: '0m'"));
        given().get("/api/data?window=32d").then().statusCode(400).body("error", containsString("PT744H"));
    }

    @Test
    void rejectsFromAfterTo() {
        given().get("/api/data?from=" + TO + "&to=" + FROM)
                .then()
                .statusCode(400)
                .body("error", containsString("must be before to"));
    }

    @Test
    void rejectsARangeLongerThanTheMaximum() {
        given().get("/api/data?from=2026-01-01T00:00Z&to=2026-03-01T00:00Z")
                .then()
                .statusCode(400)
                .body("error", containsString("longer than the maximum"));
    }

    @Test
    void rejectsFromToAndWindowTogether() {
        given().get("/api/data?from=" + FROM + "&to=" + TO + "&window=5m")
                .then()
                .statusCode(400)
                .body("error", containsString("not all three"));
    }

    @Test
    void rejectsAnUnknownLevel() {
        given().get("/api/data?level=TRACE")
                .then()
                .statusCode(400)
                .body("error", equalTo("level: 'TRACE' is not one of DEBUG, INFO, WARN, ERROR"));
    }

    @Test
    void listsTheLatestEventsNewestFirstWithinTheWindow() {
        given().get("/api/events/latest?from=" + FROM + "&to=" + TO)
                .then()
                .statusCode(200)
                .body("id", contains("e3", "e2", "e1"))
                .body("[0].ts", equalTo("2026-01-01T10:04:30Z"))
                .body("[0].message", equalTo("found"))
                .body("[0].status", is(200))
                .body("[0].host", equalTo("web-01"));
    }

    @Test
    void limitsAndFiltersTheLatestEvents() {
        String window = "from=" + FROM + "&to=" + TO;
        given().get("/api/events/latest?limit=2&" + window).then().body("id", contains("e3", "e2"));
        given().get("/api/events/latest?service=checkout&" + window).then().body("id", contains("e2", "e1"));
        given().get("/api/events/latest?level=error&" + window).then().body("id", contains("e2"));
        given().get("/api/events/latest?service=nobody&" + window).then().body("$", hasSize(0));
    }

    @Test
    void rejectsALimitThatIsNotAWholeNumberInRange() {
        for (String limit : List.of("0", "501", "ten", "-1")) {
            given().get("/api/events/latest?limit=" + limit)
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("limit: '" + limit + "' is not a whole number from 1 to 500"));
        }
    }

    @Test
    void rejectsBadWindowsOnTheLatestEventsToo() {
        given().get("/api/events/latest?from=nope").then().statusCode(400).body("error", containsString("from:"));
    }

    @Test
    void showsAMissingStatusAsNull() {
        fixtures.event("e5", "2026-01-01T10:03:00Z", "search", "INFO", 200, "no status");
        client.getDatabase(Fixtures.DATABASE)
                .getCollection("events")
                .updateOne(
                        new org.bson.Document("_id", "e5"),
                        new org.bson.Document("$unset", new org.bson.Document("status", "")));

        given().get("/api/events/latest?from=" + FROM + "&to=" + TO)
                .then()
                .body("find { it.id == 'e5' }.status", nullValue());
    }
}
