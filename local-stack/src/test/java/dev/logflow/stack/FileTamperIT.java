package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Flume output file deleted, or truncated, while the loader reads it. The loader must carry on with the next
 * files, count the file, and the events it could no longer read must be exactly the ones it reports missing.
 */
class FileTamperIT {

    private static final int RATE = 2_000;
    /**
     * The file tampered with is one the sink keeps writing for at least this long afterwards, so events that the
     * loader never sees are certain to be in it.
     */
    private static final Duration WRITTEN_AFTER_TAMPERING = Duration.ofSeconds(8);
    /** Events of the file that must be stored before tampering: the loader is inside it. */
    private static final long STORED_BEFORE = 500;
    /** Events generated after the file rolled, so that the lost ones lie between stored seqs. */
    private static final long AFTER_ROLL = 4_000;

    private static final Duration WAIT = Duration.ofMinutes(3);

    private FaultRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void deletingTheFileBeingReadCountsItAndReportsExactlyItsUnreadEventsMissing() throws IOException {
        run = FaultRun.prepare("file-delete", "memory", o -> o).startAll();
        run.startRun(RATE, FaultRun.UNBOUNDED);
        FlumeOutput.OutputFile victim = fileBeingRead();
        byte[] content;
        try (FileChannel kept = FileChannel.open(victim.path(), StandardOpenOption.READ)) {
            Files.delete(victim.path());
            awaitRolledPast(victim);
            content = readAll(kept);
        }
        run.awaitAckedMore(AFTER_ROLL, WAIT);
        run.stopRun();
        run.awaitSettled(WAIT);

        FaultRun.Observation seen = run.observe()
                .record(
                        "Flume output file deleted while read",
                        "the file the sink was writing and the loader reading, deleted " + describe(victim, content));
        assertThat(seen.loaderCount("vanishedFiles")).isEqualTo(1);
        assertThat(seen.loaderCount("truncatedFiles")).isZero();
        assertLostOnlyFrom(seen, seqs(FlumeOutput.lines(content)));
    }

    @Test
    void truncatingTheFileBeingReadCountsItAndReportsExactlyItsUnreadEventsMissing() throws IOException {
        run = FaultRun.prepare("file-truncate", "memory", o -> o).startAll();
        run.startRun(RATE, FaultRun.UNBOUNDED);
        FlumeOutput.OutputFile victim = fileBeingRead();
        ManagedProcess loader = run.pipeline.process("loader-svc");
        loader.suspend();
        long cut;
        byte[] content;
        try {
            awaitRolledPast(victim);
            content = Files.readAllBytes(victim.path());
            cut = run.lastStoredOffset(victim.name()) / 2;
            try (FileChannel file = FileChannel.open(victim.path(), StandardOpenOption.WRITE)) {
                file.truncate(cut);
            }
        } finally {
            loader.resume();
        }
        PipelineDriver.await(
                "the loader to notice the truncation",
                WAIT,
                run.driver::loaderStatus,
                s -> s.path("truncatedFiles").asLong() >= 1);
        run.awaitAckedMore(AFTER_ROLL, WAIT);
        run.stopRun();
        run.awaitSettled(WAIT);

        long keptBytes = cut;
        FaultRun.Observation seen = run.observe()
                .record(
                        "Flume output file truncated while read",
                        "loader frozen (SIGSTOP) inside the file, which was cut to half the bytes already stored "
                                + describe(victim, content));
        assertThat(seen.loaderCount("truncatedFiles")).isEqualTo(1);
        assertThat(seen.loaderCount("vanishedFiles")).isZero();
        List<FlumeOutput.Line> removed = FlumeOutput.lines(content).stream()
                .filter(line -> line.end() > keptBytes)
                .toList();
        assertLostOnlyFrom(seen, seqs(removed));
    }

    /**
     * The file the sink writes and the loader reads now, with enough time left before its roll; waits for the next
     * one when the current one is about to roll.
     */
    private FlumeOutput.OutputFile fileBeingRead() {
        FlumeOutput.OutputFile file = PipelineDriver.await(
                "a file that the sink keeps writing for " + WRITTEN_AFTER_TAMPERING,
                WAIT,
                () -> run.output.newest().orElse(null),
                f -> f != null && f.untilRoll().compareTo(WRITTEN_AFTER_TAMPERING.plusSeconds(2)) > 0);
        run.awaitStoredFrom(file.name(), STORED_BEFORE, WAIT);
        assertThat(run.output.rolledPast(file))
                .as("%s is still being written", file.name())
                .isFalse();
        return file;
    }

    private void awaitRolledPast(FlumeOutput.OutputFile file) {
        PipelineDriver.await(
                "the sink to roll past " + file.name(), WAIT, () -> run.output.rolledPast(file), rolled -> rolled);
    }

    /** Every missing event was in the removed part, none was stored twice, and the loader counts exactly these. */
    private static void assertLostOnlyFrom(FaultRun.Observation seen, Set<Long> removed) {
        StoredEvents.SequenceCheck audit = seen.audit();
        assertThat(audit.missing())
                .as("events of the removed part never stored: %s", audit.missingSummary())
                .isPositive()
                .isEqualTo(seen.reportedGaps());
        assertThat(removed).as("the removed part").containsAll(audit.missingSeqs());
        assertThat(audit.storedTwice()).isZero();
        assertThat(audit.outOfRange()).isZero();
        assertThat(seen.rollupTotal()).isEqualTo(audit.distinct());
        assertThat(seen.rollupDifferences())
                .as("rollup keys that disagree with the stored events")
                .isEmpty();
    }

    private static Set<Long> seqs(List<FlumeOutput.Line> lines) {
        return lines.stream().map(FlumeOutput.Line::seq).collect(Collectors.toSet());
    }

    private static String describe(FlumeOutput.OutputFile victim, byte[] content) {
        return "(" + victim.name() + ", "
                + FaultRun.count(FlumeOutput.lines(content).size()) + " events when complete)";
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // a positional read may return fewer bytes than asked for
        }
        return buffer.array();
    }
}
