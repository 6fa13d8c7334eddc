package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Flume agent mid-run with a backlog in its channel (the sink blocked at a roll), then a restart. With
 * the file channel nothing acknowledged may be lost; with the memory channel the events in the channel are lost, and
 * the loader must report exactly those as missing.
 */
class FlumeCrashIT {

    /** Well below what the file channel takes here (2k to 3.9k lines/s over 4 connections). */
    private static final int FILE_CHANNEL_RATE = 1_000;

    private static final int FILE_CHANNEL_CONNECTIONS = 4;
    /** Events held in the file channel when Flume is killed: all of them acknowledged, none of them in a file yet. */
    private static final long FILE_BACKLOG = 2_000;
    /** The sink rolls every 5 s instead of 30, so a roll to block comes soon. */
    private static final String FILE_ROLL_SECONDS = "5";

    private static final int MEMORY_CHANNEL_RATE = 2_000;
    /** Events held in the memory channel when Flume is killed: all of them acknowledged, all of them lost. */
    private static final long BACKLOG = 4_000;
    /** The memory channel's capacity (flume-image's default): it cannot have held, and lost, more. */
    private static final long MEMORY_CHANNEL_CAPACITY = 100_000;
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
    void killingFlumeWithTheFileChannelLosesNoneOfTheEventsItHeld() throws Exception {
        run = FaultRun.prepare(
                        "flume-crash-file",
                        "file",
                        o -> o.withGeneratorConnections(FILE_CHANNEL_CONNECTIONS)
                                .withFlumeEnvironment("FLUME_ROLL_INTERVAL", FILE_ROLL_SECONDS))
                .startAll();
        long held = killWithBacklog(FILE_CHANNEL_RATE, FILE_BACKLOG);

        FaultRun.Observation seen = run.observe();
        seen.record(
                "Flume killed (kill -9) with a backlog in the channel, restarted",
                "sink blocked at a roll until " + FaultRun.count(held)
                        + " acknowledged events waited in the channel, none of them in a file; "
                        + seen.generatorNote());
        assertThat(held).as("events in the channel at the kill").isGreaterThanOrEqualTo(FILE_BACKLOG);
        assertThat(seen.audit().missing()).as(seen.audit().missingSummary()).isZero();
        assertThat(seen.audit().distinct()).isEqualTo(seen.audit().expected());
        assertThat(seen.audit().storedTwice()).isZero();
        assertThat(seen.audit().outOfRange()).isZero();
        assertThat(seen.reportedGaps()).as("events the loader reports missing").isZero();
        assertThat(seen.rollupTotal()).isEqualTo(seen.audit().expected());
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
        long held = killWithBacklog(MEMORY_CHANNEL_RATE, BACKLOG);

        FaultRun.Observation seen = run.observe();
        seen.record(
                "Flume killed (kill -9) with a backlog in the channel, restarted",
                "sink blocked at a roll until " + FaultRun.count(held) + " acknowledged events waited in the channel; "
                        + seen.generatorNote());
        assertThat(seen.audit().missing())
                .as("the events of the lost backlog: %s", seen.audit().missingSummary())
                .isBetween(held, MEMORY_CHANNEL_CAPACITY)
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
     * The one loss no gap count can see: the run stops, Flume dies holding its last events, and nothing comes after
     * them. The loader reports no gap; the generator's {@code lastSeq} against the stored {@code maxSeq} shows it.
     */
    @Test
    void aLossAtTheEndOfARunShowsOnlyAgainstTheGeneratorsLastSeq() throws Exception {
        run = FaultRun.prepare("flume-crash-tail", "memory", o -> o).startAll();
        String source = run.startRun(MEMORY_CHANNEL_RATE, FaultRun.UNBOUNDED);
        awaitFirstEventsStored(MEMORY_CHANNEL_RATE);
        Path blocker = run.output.blockNextRoll();
        PipelineDriver.await(
                BACKLOG + " events held in the channel behind the blocked sink",
                WAIT,
                run.flume::channelSize,
                n -> n >= BACKLOG);
        run.stopRun();
        PipelineDriver.await(
                "every line the generator sent answered",
                WAIT,
                run.driver::generatorStatus,
                s -> !"RUNNING".equals(s.path("state").asText())
                        && s.path("inFlight").asLong(-1) == 0);
        long held = run.flume.channelSize();
        run.pipeline.process("flume").kill();
        Files.delete(blocker);
        run.pipeline.startFlume();
        run.awaitSettled(WAIT);

        FaultRun.Observation seen = run.observe();
        long lastSeq = seen.generator().path("lastSeq").asLong();
        long maxSeq = run.stored().sourceStats(source).max();
        assertThat(seen.audit().missing())
                .as(
                        "the run's last events, lost with the channel: %s",
                        seen.audit().missingSummary())
                .isGreaterThanOrEqualTo(held)
                .isEqualTo(lastSeq - maxSeq);
        assertThat(seen.audit().missingSeqs()).first().isEqualTo(maxSeq + 1);
        assertThat(seen.reportedGaps())
                .as("the loader's gap count, which cannot see a lost tail")
                .isZero();
        assertThat(seen.audit().storedTwice()).isZero();
        assertThat(seen.rollupDifferences())
                .as("rollup keys that disagree with the stored events")
                .isEmpty();
    }

    /**
     * Runs at {@code rate}, blocks the sink at its next roll until {@code backlog} events wait in the channel, kills
     * Flume, unblocks and restarts it, and lets the run go on until everything that can arrive has arrived.
     *
     * @return the events in the channel just before the kill
     */
    private long killWithBacklog(int rate, long backlog) throws Exception {
        run.startRun(rate, FaultRun.UNBOUNDED);
        awaitFirstEventsStored(rate);
        Path blocker = run.output.blockNextRoll();
        PipelineDriver.await(
                backlog + " events held in the channel behind the blocked sink",
                WAIT,
                run.flume::channelSize,
                n -> n >= backlog);
        long held = run.flume.channelSize();
        run.pipeline.process("flume").kill();
        Files.delete(blocker);
        run.pipeline.startFlume();
        run.awaitAckedMore(AFTER_RESTART, WAIT);
        run.stopRun();
        run.awaitSettled(WAIT);
        return held;
    }

    /**
     * Blocks the sink only once the run's first events are stored, so the loss lies in the middle of the run with
     * stored events on both sides: acknowledged is not enough, an idle sink takes up to 5 s (its back-off) to write.
     */
    private void awaitFirstEventsStored(long events) {
        PipelineDriver.await(
                "the run's first events stored", WAIT, () -> run.stored().events(), n -> n >= events);
    }
}
