package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the loader at ten random moments of a 200,000-event run, restarted each time: every event is stored
 * exactly once and the rollups agree with the events key by key. The moments are drawn from a seeded
 * {@link Random}; the seed is logged and kept in the outcome, and {@code -Dlogflow.faults.seed=<seed>} draws the same
 * thresholds and kinds of kill again (the exact timing differs).
 */
class LoaderKillsIT {

    private static final Logger LOG = Logger.getLogger(LoaderKillsIT.class);
    private static final String FAULT = "Loader killed ten times (kill -9)";
    private static final String LOADER = "loader-svc";
    private static final String LOADER_ID = "loader-1";
    private static final int EVENTS = 200_000;
    /** Slow enough that the generator is still sending during most kills. */
    private static final int EVENTS_PER_SECOND = 5_000;

    private static final int KILLS = 10;
    /** Kill moments are drawn as stored-event counts between these shares of the run. */
    private static final double FIRST_SHARE = 0.03;

    private static final double LAST_SHARE = 0.97;
    /** Kills not aimed at a batch wait a random part of this after their moment, to land anywhere in a batch. */
    private static final int MAX_DELAY_MILLIS = 400;
    /** How long a kill aimed at a batch waits to see one announced before it kills anyway. */
    private static final Duration BATCH_WAIT = Duration.ofSeconds(10);
    /** Short enough to catch a batch being written (a few hundred ms), long enough to leave the cores to the run. */
    private static final Duration BATCH_POLL = Duration.ofMillis(5);

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private Pipeline pipeline;
    private StoredEvents stored;
    private PipelineDriver driver;
    private long duplicatesAbsorbed;
    private long recoveries;
    private final List<Long> killedAt = new ArrayList<>();
    private int midBatchKills;

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
    void tenKillsAtRandomMomentsStoreEveryEventExactlyOnce() {
        long seed = Long.getLong("logflow.faults.seed", System.currentTimeMillis());
        LOG.infof("Kill moments drawn with seed %d (replay with -Dlogflow.faults.seed=%d)", seed, seed);
        Random random = new Random(seed);
        startPipeline();

        String source =
                driver.startRun(EVENTS_PER_SECOND, EVENTS).path("source").asText();
        List<Long> moments = drawMoments(random);
        for (int i = 0; i < KILLS; i++) {
            killAndRestartOnceStored(moments.get(i), i % 2 == 0, random);
        }
        driver.awaitGeneratorDone(STEP_TIMEOUT);
        PipelineDriver.await("every event stored", STEP_TIMEOUT, stored::estimatedEvents, n -> n >= EVENTS);
        JsonNode last = driver.awaitLoaderIdle(STEP_TIMEOUT);
        duplicatesAbsorbed += last.path("duplicates").asLong();

        DeliveryCheck check = DeliveryCheck.measure(stored, driver, source, EVENTS);
        String note = String.format(
                "seed %d (draws the same thresholds and kinds of kill); killed at %s events stored; %d of %d kills"
                        + " left a batch pending, and the next start-up finished %d of them",
                seed, killedAt, midBatchKills, KILLS, recoveries);
        FaultOutcomes.record(check.outcome(FAULT, "memory", duplicatesAbsorbed, note));
        LOG.infof("%s: %s; %d duplicates absorbed", FAULT, note, duplicatesAbsorbed);

        check.assertEveryEventExactlyOnce();
        assertThat(midBatchKills)
                .as("kills that landed while a batch was being written (loader_state.pending set)")
                .isPositive();
        assertThat(recoveries).as("pending batches the next start-up finished").isEqualTo(midBatchKills);
    }

    private void startPipeline() {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/loader-kills"));
        pipeline = new Pipeline(layout, PipelineOptions.isolated(workDir));
        pipeline.startMongo();
        pipeline.startFlume();
        pipeline.startLoader();
        pipeline.startGenerator();
        stored = new StoredEvents(pipeline.mongoConnectionString());
        driver = new PipelineDriver(pipeline);
    }

    /** Ten stored-event counts drawn uniformly over the run, in order; two may fall close together. */
    private static List<Long> drawMoments(Random random) {
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            double share = FIRST_SHARE + random.nextDouble() * (LAST_SHARE - FIRST_SHARE);
            moments.add(Math.round(share * EVENTS));
        }
        moments.sort(null);
        return moments;
    }

    /**
     * Waits until {@code moment} events are stored, then kills the loader either as soon as a batch is announced
     * ({@code aimAtBatch}) or after a random delay, notes whether a batch was left pending, and restarts it.
     */
    private void killAndRestartOnceStored(long moment, boolean aimAtBatch, Random random) {
        PipelineDriver.await(moment + " events stored", STEP_TIMEOUT, stored::estimatedEvents, n -> n >= moment);
        if (aimAtBatch) {
            awaitBatchAnnounced();
        } else {
            ManagedProcess.sleep(Duration.ofMillis(random.nextInt(MAX_DELAY_MILLIS)));
        }
        duplicatesAbsorbed += driver.loaderStatus().path("duplicates").asLong();
        pipeline.process(LOADER).kill();
        long storedAtKill = stored.estimatedEvents();
        killedAt.add(storedAtKill);
        boolean pending = stored.batchPending(LOADER_ID);
        midBatchKills += pending ? 1 : 0;
        LOG.infof(
                "Killed the loader at %d stored events (%s)", storedAtKill, pending ? "mid-batch" : "between batches");
        pipeline.startLoader();
        if (pending) {
            PipelineDriver.await(
                    "the restarted loader to finish the pending batch",
                    STEP_TIMEOUT,
                    () -> driver.loaderStatus().path("recoveries").asLong(),
                    n -> n >= 1);
            recoveries++;
        }
    }

    /** Polls {@code loader_state} until a batch is pending; an idle loader is killed anyway after a while. */
    private void awaitBatchAnnounced() {
        Instant deadline = Instant.now().plus(BATCH_WAIT);
        while (!stored.batchPending(LOADER_ID) && Instant.now().isBefore(deadline)) {
            ManagedProcess.sleep(BATCH_POLL);
        }
    }
}
