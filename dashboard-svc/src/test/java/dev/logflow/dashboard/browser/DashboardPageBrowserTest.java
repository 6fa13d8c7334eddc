package dev.logflow.dashboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.mongodb.client.MongoClient;
import dev.logflow.dashboard.fixture.EmbeddedMongoResource;
import dev.logflow.dashboard.fixture.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page in headless Chromium over the same five-minute fixture as the REST tests (refresh every 500 ms). */
@QuarkusTest
@WithTestResource(EmbeddedMongoResource.class)
class DashboardPageBrowserTest {

    private static final String WINDOW = "?from=2026-01-01T10:00Z&to=2026-01-01T10:05Z";
    private static final String SCRIPT_PAYLOAD = "<script>window.__pwned = 'script'</script>";
    private static final String IMG_PAYLOAD = "<img src=x onerror=\"window.__pwned = 'img'\">";

    /** Background and left edge of a loss card: white and slate with no loss, amber-50/600 or red-50/700 with one. */
    private static final List<String> UNMARKED = List.of("rgb(255, 255, 255)", "rgb(203, 213, 225)");

    private static final List<String> AMBER = List.of("rgb(255, 251, 235)", "rgb(217, 119, 6)");
    private static final List<String> RED = List.of("rgb(254, 242, 242)", "rgb(185, 28, 28)");

    private static final Logger LOG = Logger.getLogger(DashboardPageBrowserTest.class);
    /** The first few hundred refreshes grow the heap by compiled code and caches (measured: about 1 MB), then flat. */
    private static final int REFRESHES_TO_SETTLE = 600;
    /** More than an hour of refreshes every 10 s (360). */
    private static final int REFRESHES_MEASURED = 600;
    /** Measured growth after settling: under 100 KB; a chart or the table rows kept per refresh would exceed this. */
    private static final long MAX_HEAP_GROWTH = 512 * 1024;

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    MongoClient client;

    private Fixtures fixtures;
    private Browser.RecordedPage opened;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void writeFixture() {
        fixtures = new Fixtures(client);
        fixtures.clear();
        fixtures.rollup("2026-01-01T10:00:00Z", "checkout", "INFO", 200, 10);
        fixtures.rollup("2026-01-01T10:00:00Z", "checkout", "WARN", 404, 2);
        fixtures.rollup("2026-01-01T10:00:00Z", "search", "INFO", 200, 5);
        fixtures.rollup("2026-01-01T10:02:00Z", "checkout", "ERROR", 500, 3);
        fixtures.rollup("2026-01-01T10:02:00Z", "search", "INFO", 301, 4);
        fixtures.rollup("2026-01-01T10:04:00Z", "search", "INFO", 200, 1);
        fixtures.event("e1", "2026-01-01T10:00:10Z", "checkout", "INFO", 200, "ok");
        fixtures.event("e2", "2026-01-01T10:02:30Z", "checkout", "ERROR", 500, "boom");
        fixtures.event("e3", "2026-01-01T10:04:30Z", "search", "INFO", 200, "found");
    }

    @AfterEach
    void closePageCheckingItStayedLocal() {
        if (opened != null) {
            assertEquals(List.of(), opened.requestsLeavingLocalhost(), "requests that left localhost");
            assertEquals(List.of(), opened.errors, "script errors on the page");
            opened.close();
        }
    }

    private Browser.RecordedPage open(int[] viewport, String query) {
        opened = browser.open(viewport);
        opened.page.navigate(root.toString() + query);
        opened.awaitRefreshes(1);
        return opened;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> chart(Page page, String which) {
        return (Map<String, List<Object>>) page.evaluate("() => window.logflowDashboard." + which + "()");
    }

    private static List<Integer> numbers(List<Object> values) {
        return values.stream().map(value -> ((Number) value).intValue()).toList();
    }

    @Test
    void drawsBothChartsWithTheFixtureFigures() {
        Page page = open(Browser.DESKTOP, WINDOW).page;

        assertEquals(List.of(17, 0, 7, 0, 1), numbers(chart(page, "lineData").get("data")));
        assertEquals(
                List.of("01 Jan, 10:00", "01 Jan, 10:01", "01 Jan, 10:02", "01 Jan, 10:03", "01 Jan, 10:04"),
                chart(page, "lineData").get("labels"));
        assertEquals(
                List.of("200", "301", "500", "404"), chart(page, "statusData").get("labels"));
        assertEquals(List.of(16, 4, 3, 2), numbers(chart(page, "statusData").get("data")));
        assertEquals("25", page.textContent("#stat-events"));
        assertEquals("12%", page.textContent("#stat-errors"));
        assertEquals("16", page.textContent("#class-2xx"));
        assertEquals("3", page.textContent("#class-5xx"));
    }

    @Test
    void namesTheTimeZoneOnTheTimeAxis() {
        Page page = open(Browser.DESKTOP, WINDOW).page;

        Object axisTitle = page.evaluate("() => Chart.getChart('events-chart').options.scales.x.title.text");
        assertEquals("Time (UTC)", axisTitle);
        assertEquals("UTC", page.textContent("#zone-name"));
    }

    @Test
    void givesTheChartFiguresAsTextToo() {
        Page page = open(Browser.DESKTOP, WINDOW).page;

        assertEquals(
                List.of("200 2xx 16", "301 3xx 4", "500 5xx 3", "404 4xx 2"),
                page.evaluate("() => [...document.querySelectorAll('#status-table tbody tr')]"
                        + ".map(row => [...row.cells].map(cell => cell.textContent).join(' '))"));
        assertEquals(3, page.locator("#series-table tbody tr").count());
        String label = page.getAttribute("#status-chart", "aria-label");
        assertTrue(label.contains("200: 16") && label.contains("404: 2"), label);
    }

    @Test
    void refreshPicksUpNewDataWithoutRecreatingCharts() {
        Browser.RecordedPage recorded = open(Browser.DESKTOP, WINDOW);
        Page page = recorded.page;
        Object idsBefore = page.evaluate("() => window.logflowDashboard.chartIds()");

        fixtures.rollup("2026-01-01T10:01:00Z", "checkout", "INFO", 204, 6);
        int refreshesBefore = recorded.refreshCount();
        page.waitForFunction("() => window.logflowDashboard.lineData().data[1] === 6");
        recorded.awaitRefreshes(refreshesBefore + 3);

        assertEquals(idsBefore, page.evaluate("() => window.logflowDashboard.chartIds()"));
        assertEquals(2, ((Number) page.evaluate("() => window.logflowDashboard.instanceCount()")).intValue());
        assertTrue(chart(page, "statusData").get("labels").contains("204"));
        assertEquals("31", page.textContent("#stat-events"));
    }

    @Test
    void keepsMemoryFlatOverManyRefreshes() {
        Browser.RecordedPage recorded = open(Browser.DESKTOP, WINDOW);
        Page page = recorded.page;
        Object ids = page.evaluate("() => window.logflowDashboard.chartIds()");
        refreshTimes(page, REFRESHES_TO_SETTLE);
        long before = heapAfterGc(page);

        refreshTimes(page, REFRESHES_MEASURED);
        long after = heapAfterGc(page);

        LOG.infof("JS heap after %d more refreshes: %d -> %d bytes", REFRESHES_MEASURED, before, after);
        assertTrue(after - before < MAX_HEAP_GROWTH, "heap grew from " + before + " to " + after + " bytes");
        assertEquals(ids, page.evaluate("() => window.logflowDashboard.chartIds()"));
        assertEquals(2, ((Number) page.evaluate("() => window.logflowDashboard.instanceCount()")).intValue());
    }

    private static void refreshTimes(Page page, int times) {
        page.evaluate(
                "async n => { for (let i = 0; i < n; i++) { await window.logflowDashboard.refreshNow(); } }", times);
    }

    private static long heapAfterGc(Page page) {
        return ((Number) page.evaluate("() => { window.gc(); return performance.memory.usedJSHeapSize; }")).longValue();
    }

    @Test
    void choosingAServiceUpdatesChartsCardsTableAndAddress() {
        Page page = open(Browser.DESKTOP, WINDOW).page;

        page.selectOption("#service", "search");
        page.waitForFunction("() => window.logflowDashboard.lineData().data.join() === '5,0,4,0,1'");

        assertEquals(List.of("200", "301"), chart(page, "statusData").get("labels"));
        assertEquals("10", page.textContent("#stat-events"));
        assertTrue(page.url().contains("service=search"), page.url());
        page.waitForFunction("() => document.querySelectorAll('#latest-table tbody tr').length === 1");
        assertTrue(page.textContent("#latest-table tbody").contains("found"));
    }

    @Test
    void choosingAnotherWindowUpdatesEverything() {
        Page page = open(Browser.DESKTOP, WINDOW).page;

        page.fill("#to", "2026-01-01T10:03Z");
        page.click("#custom-range button[type=submit]");
        page.waitForFunction("() => window.logflowDashboard.lineData().data.join() === '17,0,7'");

        assertEquals("24", page.textContent("#stat-events"));
        assertTrue(page.url().contains("to=2026-01-01T10%3A03Z"), page.url());
    }

    @Test
    void logFieldsNeverRunAsHtmlOrScript() {
        fixtures.event("x1", "2026-01-01T10:03:00Z", "checkout", "INFO", 200, SCRIPT_PAYLOAD);
        fixtures.event("x2", "2026-01-01T10:03:01Z", IMG_PAYLOAD, "INFO", 200, IMG_PAYLOAD);
        fixtures.rollup("2026-01-01T10:03:00Z", IMG_PAYLOAD, "INFO", 200, 1);
        Browser.RecordedPage recorded = open(Browser.PHONE, WINDOW);
        Page page = recorded.page;
        recorded.awaitRefreshes(3);

        assertEquals(null, page.evaluate("() => window.__pwned === undefined ? null : window.__pwned"));
        assertEquals(List.of(), recorded.dialogs);
        assertEquals(0, page.locator("#latest-table img, #latest-table script").count());
        assertTrue(page.textContent("#latest-table tbody").contains(SCRIPT_PAYLOAD));
        assertTrue(page.textContent("#latest-table tbody").contains(IMG_PAYLOAD));
        assertEquals(IMG_PAYLOAD, page.textContent("#service option:nth-child(2)"));
        assertFalse(recorded.requests.stream().anyMatch(url -> url.endsWith("/x")), "the img payload loaded");
    }

    /** What a sighted user sees of a card: its background and the colour of its left edge. */
    private static List<String> colours(Page page, String card) {
        return List.of(
                page.evalOnSelector(card, "el => getComputedStyle(el).backgroundColor")
                        .toString(),
                page.evalOnSelector(card, "el => getComputedStyle(el).borderLeftColor")
                        .toString());
    }

    @Test
    void showsLossesAsMarkedCardsAndFollowsThemOnRefresh() {
        fixtures.sourceStats("gen-a1", 8, 1, 10);
        fixtures.sourceStats("gen-b2", 5, 4, 8);
        Browser.RecordedPage recorded = open(Browser.DESKTOP, WINDOW);
        Page page = recorded.page;

        assertEquals("5", page.textContent("#stat-missing"));
        assertTrue(page.textContent("#hint-missing").contains("never reached the database"));
        assertTrue(page.textContent("#hint-missing").contains("2 generator sources"));
        assertEquals(AMBER, colours(page, "#loss-missing"));
        assertEquals("0", page.textContent("#stat-dead-letters"));
        assertEquals("No line was refused by the loader.", page.textContent("#hint-dead-letters"));
        assertEquals(UNMARKED, colours(page, "#loss-dead-letters"));

        fixtures.sourceStats("gen-b2", 8, 1, 8);
        fixtures.deadLetter("events-1733300000000-1", 0, "not JSON and not an Apache line", "garbage");
        fixtures.deadLetter("events-1733300000000-1", 8, "not JSON and not an Apache line", "more garbage");
        page.waitForFunction("() => document.getElementById('stat-dead-letters').textContent === '2'");

        assertEquals("2", page.textContent("#stat-missing"));
        assertEquals(AMBER, colours(page, "#loss-missing"));
        assertTrue(page.textContent("#hint-dead-letters").contains("could not store"));
        assertEquals(RED, colours(page, "#loss-dead-letters"));

        fixtures.sourceStats("gen-a1", 10, 1, 10);
        page.waitForFunction("() => document.getElementById('stat-missing').textContent === '0'");

        assertEquals("No gap in the sequence numbers of 2 generator sources.", page.textContent("#hint-missing"));
        assertEquals(UNMARKED, colours(page, "#loss-missing"));
        assertEquals(RED, colours(page, "#loss-dead-letters"));
    }

    @Test
    void keepsShowingTheWholePipelinesLossesWhenAFilterIsChosen() {
        fixtures.sourceStats("gen-a1", 8, 1, 10);
        Page page = open(Browser.DESKTOP, WINDOW).page;

        page.selectOption("#service", "search");
        page.waitForFunction("() => window.logflowDashboard.lineData().data.join() === '5,0,4,0,1'");

        assertEquals("2", page.textContent("#stat-missing"));
        assertTrue(page.textContent("#loss-scope").contains("whatever the window and filters"));
    }

    @Test
    void looksRightOnAPhoneAndADesktop() {
        fixtures.sourceStats("gen-a1", 8, 1, 10);
        fixtures.deadLetter("events-1733300000000-1", 0, "not JSON and not an Apache line", "garbage");
        Browser.RecordedPage phone = open(Browser.PHONE, WINDOW);
        phone.screenshot("dashboard-390x844");
        assertTrue(
                phone.page
                        .evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
                        .equals(true),
                "the phone page scrolls sideways");
        assertTrue(phone.page.isVisible("#loss-missing") && phone.page.isVisible("#loss-dead-letters"));
        closePageCheckingItStayedLocal();

        Browser.RecordedPage desktop = open(Browser.DESKTOP, WINDOW);
        desktop.screenshot("dashboard-1440x900");
        assertTrue(desktop.page.isVisible("#events-chart"));
    }
}
