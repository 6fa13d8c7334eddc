package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logflow.stack.PipelineDriver.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MongoDB stopped for 20 seconds in the middle of a run while the generator keeps sending, then started again on
 * the same data (the embedded server's H2 file backend; its memory backend would come back empty). While it is down
 * the loader must stay live, say it is not ready and why, and show its lag growing; afterwards every event is stored
 * exactly once and the rollups agree with the events.
 */
class MongoOutageIT {

    private static final Logger LOG = Logger.getLogger(MongoOutageIT.class);
    private static final String FAULT = "MongoDB stopped for 20 s (SIGTERM)";
    private static final String MONGODB = "mongodb";
    private static final int EVENTS = 60_000;
    /** 30 seconds of events, so the generator sends before, during and after the outage. */
    private static final int EVENTS_PER_SECOND = 2_000;

    /**
     * MongoDB is stopped once the generator has sent a quarter of the run and the loader has stored a first batch, or
     * at half the run whatever the loader did, so that the generator still sends for most of the outage.
     */
    private static final long STOP_AT_SENT = EVENTS / 4;

    private static final long STOP_AT_STORED = 1_000;
    private static final long STOP_AT_SENT_LATEST = EVENTS / 2;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    /** What the dashboard's page asks for; asked once before the outage, as an open page does. */
    private static final String PAGE_QUERY = "window=60m";
    /** A view nobody asked for before the outage, so the dashboard has no earlier answer to reuse. */
    private static final String NEW_QUERY = "window=15m&service=checkout";

    private static final Duration DASHBOARD_TIMEOUT = Duration.ofSeconds(60);
    /** An answer slower than this counts as a hang for a user; the dashboard's server selection waits 5 s. */
    private static final Duration PROMPT = Duration.ofSeconds(15);

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private Pipeline pipeline;
    private StoredEvents stored;
    private PipelineDriver driver;

    @AfterEach
    void stop() {
        if (stored != null) {
            stored.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void stoppingMongoDbForTwentySecondsMidRunStoresEveryEventExactlyOnce() {
        startPipeline();
        String source =
                driver.startRun(EVENTS_PER_SECOND, EVENTS).path("source").asText();
        PipelineDriver.await("events sent", STEP_TIMEOUT, this::sent, n -> n >= STOP_AT_SENT);
        PipelineDriver.await("a first batch stored", STEP_TIMEOUT, this::storedOrHalfSent, done -> done);
        Answer pageBefore = driver.dashboardData(PAGE_QUERY, DASHBOARD_TIMEOUT);
        long storedBefore = stored.estimatedEvents();

        pipeline.process(MONGODB).stop();
        Outage outage = observeOutage(Instant.now());
        pipeline.startMongo();
        Duration reopen = pipeline.startupTimes().get(MONGODB);
        Answer readyAgain = PipelineDriver.await(
                "the loader to be ready again", STEP_TIMEOUT, driver::loaderReadiness, a -> a.status() == 200);

        driver.awaitGeneratorDone(STEP_TIMEOUT);
        PipelineDriver.await("every event stored", STEP_TIMEOUT, stored::estimatedEvents, n -> n >= EVENTS);
        JsonNode loader = driver.awaitLoaderIdle(STEP_TIMEOUT);
        DeliveryCheck check = DeliveryCheck.measure(stored, driver, source, EVENTS);
        String note =
                outage.describe(storedBefore, reopen, loader.path("retries").asLong());
        FaultOutcomes.record(
                check.outcome(FAULT, "memory", loader.path("duplicates").asLong(), note));
        LOG.infof("%s: %s", FAULT, note);

        check.assertEveryEventExactlyOnce();
        assertThat(loader.path("retries").asLong())
                .as("batches the loader retried while MongoDB was down")
                .isPositive();
        assertWhatUsersSawDuringTheOutage(outage, pageBefore);
        assertThat(mongoCheckStatus(readyAgain))
                .as("readiness after the restart")
                .isEqualTo("UP");
    }

    private void startPipeline() {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/mongo-outage"));
        pipeline = new Pipeline(layout, PipelineOptions.isolated(workDir).withPersistentMongo(true));
        pipeline.startMongo();
        pipeline.startFlume();
        pipeline.startLoader();
        pipeline.startDashboard();
        pipeline.startGenerator();
        stored = new StoredEvents(pipeline.mongoConnectionString());
        driver = new PipelineDriver(pipeline);
    }

    /** Samples the loader and the dashboard once a second until the outage has lasted {@link #OUTAGE}. */
    private Outage observeOutage(Instant down) {
        Instant end = down.plus(OUTAGE);
        long sentFirst = sent();
        Answer notReady = PipelineDriver.await(
                "the loader to report MongoDB down", OUTAGE, driver::loaderReadiness, a -> a.status() != 200);
        long lagFirst = driver.loaderStatus().path("lagBytes").asLong();
        Answer page = driver.dashboardData(PAGE_QUERY, DASHBOARD_TIMEOUT);
        Answer newView = driver.dashboardData(NEW_QUERY, DASHBOARD_TIMEOUT);
        List<Integer> liveness = new ArrayList<>();
        while (Instant.now().isBefore(end)) {
            liveness.add(driver.loaderLiveness().status());
            ManagedProcess.sleep(SAMPLE_EVERY);
        }
        long lagLast = driver.loaderStatus().path("lagBytes").asLong();
        return new Outage(sentFirst, sent(), notReady, liveness, lagFirst, lagLast, page, newView);
    }

    private boolean storedOrHalfSent() {
        return stored.estimatedEvents() >= STOP_AT_STORED || sent() >= STOP_AT_SENT_LATEST;
    }

    /** Events the generator sent and Flume acknowledged so far. */
    private long sent() {
        return driver.generatorStatus().path("acked").asLong();
    }

    private static void assertWhatUsersSawDuringTheOutage(Outage outage, Answer pageBefore) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(outage.sentLast())
                .as(
                        "events sent by the generator at the end of the outage, against %d at its start",
                        outage.sentFirst())
                .isGreaterThan(outage.sentFirst());
        softly.assertThat(outage.liveness())
                .as("loader liveness during the outage")
                .containsOnly(200);
        softly.assertThat(outage.notReady().status())
                .as("loader readiness during the outage")
                .isEqualTo(503);
        softly.assertThat(mongoCheckStatus(outage.notReady()))
                .as(
                        "the readiness check named mongodb, in %s",
                        outage.notReady().body())
                .isEqualTo("DOWN");
        softly.assertThat(outage.lagLast())
                .as("loader lag bytes at the end of the outage, against %d near its start", outage.lagFirst())
                .isGreaterThan(outage.lagFirst());
        softly.assertThat(outage.page().status())
                .as("/api/data for the open page's view, served from its last answer")
                .isEqualTo(200);
        softly.assertThat(outage.page().json().path("totals"))
                .as("figures of the open page during the outage (the answer from before it)")
                .isEqualTo(pageBefore.json().path("totals"));
        softly.assertThat(outage.newView().status())
                .as("/api/data for a new view: %s", outage.newView().body())
                .isEqualTo(503);
        softly.assertThat(outage.newView().elapsed()).as("time to the 503").isLessThan(PROMPT);
        softly.assertAll();
    }

    /** Status of the check named {@code mongodb} in a SmallRye Health answer, or null when it is absent. */
    private static String mongoCheckStatus(Answer health) {
        for (JsonNode check : health.json().path("checks")) {
            if (MONGODB.equals(check.path("name").asText())) {
                return check.path("status").asText();
            }
        }
        return null;
    }

    /** What the loader and the dashboard answered while MongoDB was down. */
    private record Outage(
            long sentFirst,
            long sentLast,
            Answer notReady,
            List<Integer> liveness,
            long lagFirst,
            long lagLast,
            Answer page,
            Answer newView) {

        String describe(long storedBefore, Duration reopen, long retries) {
            return String.format(
                    "stopped at %d events stored, %d sent; sent %d by its end; H2 file backend (restart to port"
                            + " open) %.1f s; loader liveness 200 in %d of %d probes, readiness %d, lag %d -> %d bytes,"
                            + " %d batch retries; /api/data: open page %d in %d ms, new view %d in %d ms",
                    storedBefore,
                    sentFirst,
                    sentLast,
                    reopen.toMillis() / 1000.0,
                    liveness.stream().filter(status -> status == 200).count(),
                    liveness.size(),
                    notReady.status(),
                    lagFirst,
                    lagLast,
                    retries,
                    page.status(),
                    page.elapsed().toMillis(),
                    newView.status(),
                    newView.elapsed().toMillis());
        }
    }
}
