package dev.logflow.loader.store;

import static dev.logflow.loader.parse.EventFields.SEQ;
import static dev.logflow.loader.parse.EventFields.SOURCE;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keeps {@code source_stats}: per generator source, how many of its events this pipeline stored and the lowest and
 * highest seq among them, so {@code maxSeq - count} is the number of events that never arrived (a source's seqs
 * start at 1).
 *
 * <p>Applied in protocol step c next to the rollups, from the same inserted events and with the same
 * {@code applied.<loaderId>} marks ({@link MarkedUpserts}), so a batch counts at most once per source after any
 * crash or retry. Events without a string {@code source} and a numeric {@code seq} (Apache lines) are not counted.
 */
@ApplicationScoped
public class SourceStatsStore {

    static final String COUNT = "count";
    static final String MIN_SEQ = "minSeq";
    static final String MAX_SEQ = "maxSeq";

    private final LoaderCollections collections;

    public SourceStatsStore(LoaderCollections collections) {
        this.collections = collections;
    }

    /** What one batch adds to a source: how many events and their lowest and highest seq. */
    public record SourceDelta(long count, long minSeq, long maxSeq) {

        static SourceDelta of(long seq) {
            return new SourceDelta(1, seq, seq);
        }

        SourceDelta plus(SourceDelta other) {
            return new SourceDelta(count + other.count, Math.min(minSeq, other.minSeq), Math.max(maxSeq, other.maxSeq));
        }
    }

    /** One stored {@code source_stats} document. */
    public record SourceStats(String source, long count, long minSeq, long maxSeq) {

        /**
         * Seqs from 1 to the highest stored that are not stored (yet). Counted from 1, where every generator run
         * starts, not from the lowest seq stored: a run whose first events were lost (a Flume crash in its first
         * seconds) shows them as missing too.
         */
        public long missing() {
            return maxSeq - count;
        }
    }

    /** The delta of {@code events} per source, generated events only. */
    public static Map<String, SourceDelta> delta(List<BsonDocument> events) {
        Map<String, SourceDelta> delta = new HashMap<>();
        for (BsonDocument event : events) {
            BsonValue source = event.get(SOURCE);
            BsonValue seq = event.get(SEQ);
            if (source != null && source.isString() && seq != null && seq.isNumber()) {
                delta.merge(
                        source.asString().getValue(),
                        SourceDelta.of(seq.asNumber().longValue()),
                        SourceDelta::plus);
            }
        }
        return delta;
    }

    /**
     * Applies {@code delta} as batch {@code seq} of the loader whose mark is {@code loaderKey}.
     *
     * @param readMarks whether some sources may have this batch already (a retry or a recovery)
     * @return how many sources had this batch already
     */
    public int apply(Map<String, SourceDelta> delta, String loaderKey, long seq, boolean readMarks) {
        Map<String, Bson> updates = new HashMap<>();
        delta.forEach((source, d) -> updates.put(
                source,
                Updates.combine(
                        Updates.inc(COUNT, d.count()),
                        Updates.min(MIN_SEQ, d.minSeq()),
                        Updates.max(MAX_SEQ, d.maxSeq()))));
        return MarkedUpserts.apply(collections.sourceStats(), updates, loaderKey, seq, readMarks);
    }

    /** Up to {@code limit} sources, sorted by source. */
    public List<SourceStats> list(int limit) {
        List<SourceStats> stats = new ArrayList<>();
        collections
                .sourceStats()
                .find()
                .projection(Projections.include(COUNT, MIN_SEQ, MAX_SEQ))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(doc -> stats.add(of(doc)));
        return stats;
    }

    /** Missing events over every source. */
    public long totalMissing() {
        long total = 0;
        for (Document doc : collections.sourceStats().find().projection(Projections.include(COUNT, MIN_SEQ, MAX_SEQ))) {
            total += of(doc).missing();
        }
        return total;
    }

    private static SourceStats of(Document doc) {
        return new SourceStats(
                String.valueOf(doc.get("_id")), number(doc, COUNT), number(doc, MIN_SEQ), number(doc, MAX_SEQ));
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
