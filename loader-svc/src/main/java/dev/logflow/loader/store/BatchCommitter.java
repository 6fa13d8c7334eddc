package dev.logflow.loader.store;

import static dev.logflow.loader.parse.EventFields.INGEST;

import dev.logflow.loader.model.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Writes one batch with the exactly-once protocol of loader-svc/README.md:
 *
 * <ol type="a">
 *   <li>{@code loader_state.pending = {seq, file, start, end}};
 *   <li>unordered insertMany of the events (and of the dead letters), each stamped with its batch id;
 *   <li>the rollup and source-stats deltas of the events this batch stored, applied to the documents whose mark is
 *       below the batch seq;
 *   <li>checkpoint offset := end, then {@code pending := null}.
 * </ol>
 *
 * Every step can be repeated: a crash or error anywhere is repaired by committing the same batch again with the
 * same seq and {@code deltaFromStore}, which counts the batch's events from {@code events} instead of from this
 * attempt's insert result.
 */
@ApplicationScoped
public class BatchCommitter {

    private final EventStore events;
    private final DeadLetterStore deadLetters;
    private final RollupStore rollups;
    private final SourceStatsStore sourceStats;
    private final CheckpointStore checkpoints;

    public BatchCommitter(
            EventStore events,
            DeadLetterStore deadLetters,
            RollupStore rollups,
            SourceStatsStore sourceStats,
            CheckpointStore checkpoints) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.rollups = rollups;
        this.sourceStats = sourceStats;
        this.checkpoints = checkpoints;
    }

    /** The id stamped on every event of batch {@code seq}: {@code <loaderId>:<seq>}. */
    public static String batchId(String loaderId, long seq) {
        return loaderId + ":" + seq;
    }

    /** The field under {@code applied} for a loader id: MongoDB field names cannot hold '.' or start with '$'. */
    public static String appliedKey(String loaderId) {
        return loaderId.replace('.', '_').replace('$', '_');
    }

    /**
     * Commits {@code batch} as batch {@code seq}: steps a to d, or d alone when there is nothing to insert on a first
     * attempt. With {@code deltaFromStore} (a retry or a recovery) step c always runs from the events the batch
     * stored, even when nothing is left to insert (the file shrank): an earlier attempt may have inserted events
     * whose counts never reached the rollups.
     */
    public CommitResult commit(String loaderId, Batch batch, long seq, boolean deltaFromStore) {
        if (!batch.hasWrites()) {
            int alreadyApplied = deltaFromStore ? applyStoredRollups(loaderId, seq) : 0;
            commitCheckpoint(loaderId, batch);
            if (deltaFromStore) {
                checkpoints.finish(loaderId);
            }
            return new CommitResult(0, 0, 0, alreadyApplied);
        }
        begin(loaderId, batch, seq);
        Written written = insert(loaderId, batch, seq);
        int alreadyApplied =
                deltaFromStore ? applyStoredRollups(loaderId, seq) : applyFresh(loaderId, seq, written.outcome());
        commitCheckpoint(loaderId, batch);
        checkpoints.finish(loaderId);
        InsertOutcome outcome = written.outcome();
        return new CommitResult(
                outcome.inserted().size(), outcome.duplicates(), written.newDeadLetters(), alreadyApplied);
    }

    /**
     * Step c of a retry or a recovery: the rollup and source-stats deltas of every event batch {@code seq} stored,
     * before a crash and since, applied to the documents not yet marked with {@code seq}. Also what is left of a
     * pending batch whose file is gone.
     *
     * @return how many rollup keys had this batch already
     */
    public int applyStoredRollups(String loaderId, long seq) {
        List<BsonDocument> stored = events.storedBy(batchId(loaderId, seq));
        String key = appliedKey(loaderId);
        int alreadyApplied = rollups.apply(RollupStore.delta(stored), key, seq, true);
        sourceStats.apply(SourceStatsStore.delta(stored), key, seq, true);
        return alreadyApplied;
    }

    /** What step b stored: the events' outcome and how many dead letters are new. */
    public record Written(InsertOutcome outcome, int newDeadLetters) {}

    /** Step a: mark batch {@code seq} pending. */
    public void begin(String loaderId, Batch batch, long seq) {
        checkpoints.begin(loaderId, seq, batch.file(), batch.start(), batch.end());
    }

    /** Step b: insert the events, stamped with the batch id, and the dead letters. */
    public Written insert(String loaderId, Batch batch, long seq) {
        Date at = new Date();
        stamp(batch.events(), batchId(loaderId, seq), at);
        InsertOutcome outcome = events.insert(batch.events());
        List<DeadLetter> letters = new ArrayList<>(batch.deadLetters());
        letters.addAll(outcome.refused());
        return new Written(outcome, deadLetters.insert(letters, at));
    }

    /**
     * Step c of a first attempt: {@code delta} counts what this attempt inserted. The single writer's new seq is
     * above every stored mark, so the marks are not read.
     */
    public int applyFreshRollups(String loaderId, long seq, Map<RollupKey, Long> delta) {
        return rollups.apply(delta, appliedKey(loaderId), seq, false);
    }

    /**
     * Step c of a first attempt, source stats included: {@code delta} counts what this attempt inserted (a kill
     * between the rollups and the source stats is repaired by {@link #applyStoredRollups}).
     */
    public void applyFreshSourceStats(String loaderId, long seq, Map<String, SourceStatsStore.SourceDelta> delta) {
        sourceStats.apply(delta, appliedKey(loaderId), seq, false);
    }

    private int applyFresh(String loaderId, long seq, InsertOutcome outcome) {
        int alreadyApplied = applyFreshRollups(loaderId, seq, RollupStore.delta(outcome.inserted()));
        applyFreshSourceStats(loaderId, seq, SourceStatsStore.delta(outcome.inserted()));
        return alreadyApplied;
    }

    /** Step d, first half: the checkpoint moves to the batch's end (the caller then clears pending). */
    public void commitCheckpoint(String loaderId, Batch batch) {
        checkpoints.commit(loaderId, batch.file(), batch.end(), batch.fileSize(), batch.lastOfFile());
    }

    private static void stamp(List<BsonDocument> docs, String batchId, Date at) {
        BsonString batch = new BsonString(batchId);
        BsonDateTime time = new BsonDateTime(at.getTime());
        for (BsonDocument doc : docs) {
            BsonDocument ingest = doc.getDocument(INGEST);
            ingest.put("batch", batch);
            ingest.put("at", time);
        }
    }
}
