package dev.logflow.stack;

import dev.logflow.stack.StoredEvents.RollupKey;
import dev.logflow.stack.StoredEvents.SequenceCheck;
import dev.logflow.stack.StoredEvents.SequenceSpan;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * What a drained pipeline stored for one generated run of {@code expected} events, compared event by event, so every
 * fault test checks the same promises: each seq once, nothing else, no dead letter, rollups equal to the events key
 * by key, source stats and the loader's gap report consistent with what is stored.
 *
 * @param expected events the generator was asked to send, seqs {@code 1..expected}
 * @param storedEvents every document in {@code events}, of any source
 * @param sequences the stored seqs of the run's source against {@code 1..expected}
 * @param sourceStats what {@code source_stats} holds for the source
 * @param deadLetters documents in {@code dead_letters}
 * @param rollupTotal sum of the per-minute rollups, the figure {@code /api/data} is built from
 * @param rollupDifferences rollup keys whose count differs from the stored events of that key
 * @param reportedGaps missing events according to {@code GET /api/loader/gaps}
 */
record DeliveryCheck(
        long expected,
        long storedEvents,
        SequenceCheck sequences,
        SequenceSpan sourceStats,
        long deadLetters,
        long rollupTotal,
        Map<RollupKey, String> rollupDifferences,
        long reportedGaps) {

    /** Reads everything from MongoDB and the loader; call it once the loader is idle. */
    static DeliveryCheck measure(StoredEvents stored, PipelineDriver driver, String source, long expected) {
        return new DeliveryCheck(
                expected,
                stored.events(),
                stored.sequenceCheck(source, expected),
                stored.sourceStats(source),
                stored.deadLetters(),
                stored.rollupTotal(),
                stored.rollupDifferences(),
                driver.missingEvents());
    }

    /** The row of the fault-outcome table, with the counts measured here. */
    FaultOutcomes.Outcome outcome(String fault, String channel, long duplicatesAbsorbed, String note) {
        return new FaultOutcomes.Outcome(
                fault,
                channel,
                expected,
                sequences.distinct(),
                sequences.storedTwice(),
                duplicatesAbsorbed,
                sequences.missing(),
                reportedGaps,
                rollupTotal,
                note);
    }

    /** Asserts every promise at once, so a failure lists everything that is off, not only the first thing. */
    void assertEveryEventExactlyOnce() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(sequences.missing())
                .as("seqs of 1..%d never stored", expected)
                .isZero();
        softly.assertThat(sequences.storedTwice()).as("events stored twice").isZero();
        softly.assertThat(sequences.outOfRange())
                .as("events with a seq outside 1..%d", expected)
                .isZero();
        softly.assertThat(sequences.count()).as("events of the run's source").isEqualTo(expected);
        softly.assertThat(new SequenceSpan(sequences.count(), sequences.min(), sequences.max()))
                .as("count, lowest and highest seq stored")
                .isEqualTo(new SequenceSpan(expected, 1, expected));
        softly.assertThat(storedEvents)
                .as("events of any source (nothing else stored)")
                .isEqualTo(expected);
        softly.assertThat(deadLetters).as("dead letters").isZero();
        softly.assertThat(rollupTotal).as("rollup total behind /api/data").isEqualTo(storedEvents);
        softly.assertThat(rollupDifferences)
                .as("rollup keys (minute, service, level, status) that disagree with the stored events")
                .isEmpty();
        softly.assertThat(sourceStats)
                .as("source_stats of the run's source")
                .isEqualTo(new SequenceSpan(expected, 1, expected));
        softly.assertThat(reportedGaps)
                .as("missing events reported by GET /api/loader/gaps")
                .isZero();
        softly.assertAll();
    }
}
