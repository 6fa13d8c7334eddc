package dev.logflow.dashboard.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.ApacheSample;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared Apache access-log sample, stored as loader-svc stores it, seen through the API and the page over
 * 2015-05-17T10:00Z to 2015-05-20T22:00Z: 84 busy minutes at :05 of each hour with empty minutes between them, and
 * the status counts of shared/data/README.md.
 */
@QuarkusTest
@WithTestResource(EmbeddedMongoResource.class)
class ApacheSampleTest {

    private static final String WINDOW = "from=2015-05-17T10:00Z&to=2015-05-20T22:00Z";
    private static final int MINUTES_IN_WINDOW = 84 * 60;
    private static final int BUSY_MINUTES = 84;
    private static final int BUSY_MINUTE_OF_HOUR = 5;
    private static final Map<Integer, Integer> STATUS_COUNTS = orderedStatusCounts();

    private static Browser browser;
    private static ApacheSample sample;

    @TestHTTPResource("/")
    URL root;

    @Inject
    MongoClient client;

    @BeforeAll
    static void startBrowserAndReadSample() {
        sample = ApacheSample.load();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Other test classes share the database and empty it, so the sample is stored again for each test. */
    @BeforeEach
    void storeSample() {
        Fixtures fixtures = new Fixtures(client);
        fixtures.clear();
        fixtures.insertRollups(sample.rollups(), 1000);
        fixtures.insertEvents(sample.events(), 1000);
    }

    private static Map<Integer, Integer> orderedStatusCounts() {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        counts.put(200, 9126);
        counts.put(304, 445);
        counts.put(404, 213);
        counts.put(301, 164);
        counts.put(206, 45);
        counts.put(500, 3);
        counts.put(403, 2);
        counts.put(416, 2);
        return counts;
    }

    @Test
    void apiShowsEightyFourBusyMinutesAtFivePastWithZerosBetween() {
        JsonPath json = given().urlEncodingEnabled(false)
                .get("/api/data?service=apache&" + WINDOW)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(1, json.getInt("window.bucketMinutes"));
        List<Integer> counts = json.getList("series.count", Integer.class);
        List<String> starts = json.getList("series.start");
        assertEquals(MINUTES_IN_WINDOW, counts.size());
        int busy = 0;
        for (int i = 0; i < counts.size(); i++) {
            int minute = Instant.parse(starts.get(i)).atZone(ZoneOffset.UTC).getMinute();
            assertEquals(minute == BUSY_MINUTE_OF_HOUR, counts.get(i) > 0, "minute " + starts.get(i));
            busy += counts.get(i) > 0 ? 1 : 0;
        }
        assertEquals(BUSY_MINUTES, busy);
        assertEquals(10_000, json.getInt("totals.events"));
        assertEquals(List.copyOf(STATUS_COUNTS.keySet()), json.getList("statuses.status"));
        assertEquals(List.copyOf(STATUS_COUNTS.values()), json.getList("statuses.count"));
        assertEquals("2015-05-20T21:05:59Z", json.getString("totals.newestEvent"));
    }

    @Test
    void pageDrawsTheSpikesWithEmptyMinutesBetweenAndTheExactStatusSplit() {
        try (Browser.RecordedPage recorded = browser.open(Browser.DESKTOP)) {
            Page page = recorded.page;
            page.navigate(root + "?service=apache&" + WINDOW);
            recorded.awaitRefreshes(1);
            recorded.screenshot("apache-sample-1440x900");

            List<Integer> line = numbers(page.evaluate("() => window.logflowDashboard.lineData().data"));
            assertEquals(MINUTES_IN_WINDOW, line.size());
            List<Integer> busy = busyIndexes(line);
            assertEquals(BUSY_MINUTES, busy.size());
            for (int index : busy) {
                assertEquals(0, line.get(index - 1), "the minute before a spike is empty");
                assertEquals(0, line.get(index + 1), "the minute after a spike is empty");
            }
            assertEquals(false, page.evaluate("() => Chart.getChart('events-chart').data.datasets[0].spanGaps"));
            assertEquals(
                    STATUS_COUNTS.keySet().stream().map(String::valueOf).toList(),
                    page.evaluate("() => window.logflowDashboard.statusData().labels"));
            assertEquals(
                    List.copyOf(STATUS_COUNTS.values()),
                    numbers(page.evaluate("() => window.logflowDashboard.statusData().data")));
            assertEquals("10,000", page.textContent("#stat-events"));
            assertEquals(List.of(), recorded.requestsLeavingLocalhost());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> numbers(Object values) {
        return ((List<Object>) values)
                .stream().map(v -> ((Number) v).intValue()).toList();
    }

    private static List<Integer> busyIndexes(List<Integer> line) {
        List<Integer> busy = new java.util.ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i) > 0) {
                busy.add(i);
            }
        }
        assertTrue(busy.isEmpty() || (busy.get(0) > 0 && busy.get(busy.size() - 1) < line.size() - 1));
        return busy;
    }
}
