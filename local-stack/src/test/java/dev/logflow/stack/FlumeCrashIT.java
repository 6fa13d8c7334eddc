package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Flume agent mid-run, then a restart. With the file channel nothing acknowledged may be lost; with
 * the memory channel the events in the channel are lost, and the loader must report exactly those as missing.
 */
class FlumeCrashIT {

    /** The file channel takes 0.6k to 3.7k lines/s here: about 10 to 50 s for this run. */
    private static final int FILE_CHANNEL_EVENTS = 30_000;

    private static final int FILE_CHANNEL_CONNECTIONS = 4;
    private static final int MEMORY_CHANNEL_RATE = 2_000;
    /** Events held in the memory channel when Flume is killed: all of them acknowledged, all of them lost. */
    private static final long BACKLOG = 4_000;
    /** Events generated after the restart, so that the lost ones lie between stored seqs and show as a gap. */
    private static final long AFTER_RESTART = 6_000;

    private static final Duration WAIT = Duration.ofMinutes(3);

    private FaultRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void killingFlumeWithTheFileChannelStoresEveryEventExactlyOnce() {
        run = FaultRun.prepare("flume-crash-file", "file", o -> o.withGeneratorConnections(FILE_CHANNEL_CONNECTIONS))
                .startAll();
        run.startRun(0, FILE_CHANNEL_EVENTS);
        PipelineDriver.await(
                "a third of the run acknowledged",
                WAIT,
                run.driver::generatorStatus,
                s -> s.path("acked").asLong() >= FILE_CHANNEL_EVENTS / 3);
        run.pipeline.process("flume").kill();
        run.pipeline.startFlume();
        run.awaitSettled(WAIT);

        FaultRun.Observation seen = run.observe();
        seen.record(
                "Flume killed (kill -9) and restarted",
                "killed once a third of the run was acknowledged; " + seen.generatorNote());
        assertThat(seen.audit().expected()).isEqualTo(FILE_CHANNEL_EVENTS);
        assertThat(seen.audit().missing()).as(seen.audit().missingSummary()).isZero();
        assertThat(seen.audit().distinct()).isEqualTo(FILE_CHANNEL_EVENTS);
        assertThat(seen.audit().storedTwice()).isZero();
        assertThat(seen.audit().outOfRange()).isZero();
        assertThat(seen.reportedGaps()).as("events the loader reports missing").isZero();
        assertThat(seen.rollupTotal()).isEqualTo(FILE_CHANNEL_EVENTS);
        assertThat(seen.rollupDifferences())
                .as("rollup keys that disagree with the stored events")
                .isEmpty();
        assertThat(seen.deadLetters())
                .as(
                        "at most the one line the kill cut in half: %s",
                        run.stored().deadLetterSamples())
                .isLessThanOrEqualTo(1);
        run.stored()
                .deadLetterSamples()
                .forEach(letter -> assertThat(letter.getString("reason")).isEqualTo("truncated final line"));
    }

    @Test
    void killingFlumeWithTheMemoryChannelLosesExactlyWhatTheLoaderReportsMissing() throws Exception {
        run = FaultRun.prepare("flume-crash-memory", "memory", o -> o).startAll();
        run.startRun(MEMORY_CHANNEL_RATE, FaultRun.UNBOUNDED);
        awaitFirstEventsStored();
        Path blocker = run.output.blockNextRoll();
        long backlog = PipelineDriver.await(
                BACKLOG + " events held in the channel behind the blocked sink",
                WAIT,
                run.flume::channelSize,
                n -> n >= BACKLOG);
        run.pipeline.process("flume").kill();
        Files.delete(blocker);
        run.pipeline.startFlume();
        run.awaitAckedMore(AFTER_RESTART, WAIT);
        run.stopRun();
        run.awaitSettled(WAIT);

        FaultRun.Observation seen = run.observe();
        seen.record(
                "Flume killed (kill -9) with a backlog in the channel, restarted",
                "sink blocked at a roll until " + FaultRun.count(backlog)
                        + " acknowledged events waited in the channel; " + seen.generatorNote());
        assertThat(seen.audit().missing())
                .as("the events of the lost backlog: %s", seen.audit().missingSummary())
                .isPositive()
                .isEqualTo(seen.reportedGaps());
        assertThat(seen.audit().storedTwice()).isZero();
        assertThat(seen.audit().outOfRange()).isZero();
        assertThat(seen.rollupTotal()).isEqualTo(seen.audit().distinct());
        assertThat(seen.rollupDifferences())
                .as("rollup keys that disagree with the stored events")
                .isEmpty();
        assertThat(seen.deadLetters()).isZero();
    }

    /**
     * Blocks the sink only once the run's first events are stored, so the loss lies in the middle of the run with
     * stored events on both sides: acknowledged is not enough, an idle sink takes up to 5 s (its back-off) to write.
     */
    private void awaitFirstEventsStored() {
        PipelineDriver.await(
                "the run's first events stored", WAIT, () -> run.stored().events(), n -> n >= MEMORY_CHANNEL_RATE);
    }
}
