package dev.logflow.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/** What the pipeline stored, read straight from MongoDB the way a user would query it. */
final class StoredEvents implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase db;

    StoredEvents(String connectionString) {
        this.client = MongoClients.create(connectionString);
        this.db = client.getDatabase("logflow");
    }

    long events() {
        return db.getCollection("events").countDocuments();
    }

    /** The collection's own document count: cheap enough to poll while a run goes on, exact once it is drained. */
    long estimatedEvents() {
        return db.getCollection("events").estimatedDocumentCount();
    }

    long events(Bson filter) {
        return db.getCollection("events").countDocuments(filter);
    }

    long deadLetters() {
        return db.getCollection("dead_letters").countDocuments();
    }

    List<Document> deadLetterSamples() {
        return db.getCollection("dead_letters").find().limit(5).into(new ArrayList<>());
    }

    /** Events of one generator source: how many, and the lowest and highest sequence number. */
    SequenceSpan sequenceSpan(String source) {
        Document span = db.getCollection("events")
                .aggregate(List.of(
                        Aggregates.match(Filters.eq("source", source)),
                        Aggregates.group(
                                null,
                                Accumulators.sum("n", 1),
                                Accumulators.min("min", "$seq"),
                                Accumulators.max("max", "$seq"))))
                .first();
        return span == null
                ? new SequenceSpan(0, 0, 0)
                : new SequenceSpan(number(span, "n"), number(span, "min"), number(span, "max"));
    }

    /** Counts of each status among events matching {@code filter}, by status code. */
    Map<Integer, Long> statusCounts(Bson filter) {
        return groupCounts(
                db.getCollection("events"), List.of(Aggregates.match(filter), Aggregates.sortByCount("$status")));
    }

    /** Counts of each status summed over the per-minute rollups of one service. */
    Map<Integer, Long> rollupStatusCounts(String service) {
        return groupCounts(
                db.getCollection("rollups_minute"),
                List.of(
                        Aggregates.match(Filters.eq("service", service)),
                        Aggregates.group("$status", Accumulators.sum("count", "$count"))));
    }

    long rollupTotal() {
        Document total = db.getCollection("rollups_minute")
                .aggregate(List.of(Aggregates.group(null, Accumulators.sum("n", "$count"))))
                .first();
        return total == null ? 0 : number(total, "n");
    }

    long distinctRollupMinutes(String service) {
        return db.getCollection("rollups_minute")
                .aggregate(List.of(
                        Aggregates.match(Filters.eq("service", service)),
                        Aggregates.group("$minute"),
                        Aggregates.count("n")))
                .first()
                .getInteger("n");
    }

    /**
     * Every stored {@code seq} of one source held against {@code 1..expected}, event by event: computed here from the
     * stored documents rather than by the server, so it checks the loader independently of any aggregation.
     */
    SequenceCheck sequenceCheck(String source, long expected) {
        BitSet seen = new BitSet();
        long count = 0;
        long outOfRange = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Document event :
                db.getCollection("events").find(Filters.eq("source", source)).projection(Projections.include("seq"))) {
            long seq = number(event, "seq");
            count++;
            min = Math.min(min, seq);
            max = Math.max(max, seq);
            if (seq < 1 || seq > expected) {
                outOfRange++;
            } else {
                seen.set((int) seq);
            }
        }
        List<Long> missing = new ArrayList<>();
        for (int seq = seen.nextClearBit(1); seq <= expected; seq = seen.nextClearBit(seq + 1)) {
            missing.add((long) seq);
        }
        return count == 0
                ? new SequenceCheck(expected, 0, 0, 0, 0, missing, 0)
                : new SequenceCheck(expected, count, seen.cardinality(), min, max, missing, outOfRange);
    }

    /**
     * Stored events per rollup key (minute, service, level, status), counted here from the events themselves with the
     * loader's rules: no service or level counts as {@code unknown}, no status as 0.
     */
    Map<RollupKey, Long> eventCountsPerMinute() {
        Map<RollupKey, Long> counts = new HashMap<>();
        for (Document event :
                db.getCollection("events").find().projection(Projections.include("ts", "service", "level", "status"))) {
            Instant minute = event.getDate("ts").toInstant().truncatedTo(ChronoUnit.MINUTES);
            RollupKey key = new RollupKey(
                    minute, textOr(event, "service"), textOr(event, "level"), statusOf(event.get("status")));
            counts.merge(key, 1L, Long::sum);
        }
        return counts;
    }

    /** The per-minute rollups behind {@code /api/data}, summed per key (the loader keeps one document per key). */
    Map<RollupKey, Long> rollupCountsPerMinute() {
        Map<RollupKey, Long> counts = new HashMap<>();
        for (Document rollup : db.getCollection("rollups_minute").find()) {
            RollupKey key = new RollupKey(
                    rollup.getDate("minute").toInstant(),
                    rollup.getString("service"),
                    rollup.getString("level"),
                    statusOf(rollup.get("status")));
            counts.merge(key, number(rollup, "count"), Long::sum);
        }
        return counts;
    }

    /**
     * Every rollup key whose count differs from the stored events of that key, with both counts; empty when the
     * rollups agree with the events exactly, key by key.
     */
    Map<RollupKey, String> rollupDifferences() {
        Map<RollupKey, Long> events = eventCountsPerMinute();
        Map<RollupKey, Long> rollups = rollupCountsPerMinute();
        Map<RollupKey, String> differences = new TreeMap<>();
        for (RollupKey key : union(events, rollups)) {
            long fromEvents = events.getOrDefault(key, 0L);
            long fromRollups = rollups.getOrDefault(key, 0L);
            if (fromEvents != fromRollups) {
                differences.put(key, "events " + fromEvents + ", rollups " + fromRollups);
            }
        }
        return differences;
    }

    /** What {@code source_stats} says of one generator source, as {@code GET /api/loader/gaps} reads it. */
    SequenceSpan sourceStats(String source) {
        Document stats =
                db.getCollection("source_stats").find(Filters.eq("_id", source)).first();
        return stats == null
                ? new SequenceSpan(0, 0, 0)
                : new SequenceSpan(number(stats, "count"), number(stats, "minSeq"), number(stats, "maxSeq"));
    }

    /** Whether the loader left a batch announced but not committed ({@code loader_state.pending}). */
    boolean batchPending(String loaderId) {
        Document state = db.getCollection("loader_state")
                .find(Filters.eq("_id", loaderId))
                .first();
        return state != null && state.get("pending") != null;
    }

    private static Set<RollupKey> union(Map<RollupKey, Long> a, Map<RollupKey, Long> b) {
        Set<RollupKey> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String textOr(Document document, String field) {
        String value = document.getString(field);
        return value == null ? "unknown" : value;
    }

    private static int statusOf(Object status) {
        return status == null ? 0 : ((Number) status).intValue();
    }

    private static Map<Integer, Long> groupCounts(MongoCollection<Document> collection, List<Bson> pipeline) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Document row : collection.aggregate(pipeline)) {
            counts.put(((Number) row.get("_id")).intValue(), number(row, "count"));
        }
        return counts;
    }

    private static long number(Document document, String field) {
        return ((Number) document.get(field)).longValue();
    }

    @Override
    public void close() {
        client.close();
    }

    record SequenceSpan(long count, long min, long max) {}

    /**
     * The stored seqs of one source against the expected {@code 1..expected}.
     *
     * @param count events stored for the source
     * @param distinct distinct seqs among them within {@code 1..expected}
     * @param missingSeqs seqs of {@code 1..expected} not stored, ascending
     * @param outOfRange events whose seq lies outside {@code 1..expected}
     */
    record SequenceCheck(
            long expected, long count, long distinct, long min, long max, List<Long> missingSeqs, long outOfRange) {

        /** How many missing seqs a failure message or a note quotes. */
        private static final int SAMPLE = 10;

        long missing() {
            return missingSeqs.size();
        }

        /** Events stored more than once: the guarantee is 0. */
        long storedTwice() {
            return count - distinct - outOfRange;
        }

        /** The first few missing seqs and their range, for a message a reader can act on. */
        String missingSummary() {
            if (missingSeqs.isEmpty()) {
                return "none missing";
            }
            return missingSeqs.size() + " missing, seqs " + missingSeqs.get(0) + ".."
                    + missingSeqs.get(missingSeqs.size() - 1) + ", first "
                    + missingSeqs.subList(0, Math.min(SAMPLE, missingSeqs.size()));
        }
    }

    /** One per-minute rollup key, as {@code rollups_minute} keeps it. */
    record RollupKey(Instant minute, String service, String level, int status) implements Comparable<RollupKey> {

        private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::minute)
                .thenComparing(RollupKey::service)
                .thenComparing(RollupKey::level)
                .thenComparingInt(RollupKey::status);

        @Override
        public int compareTo(RollupKey other) {
            return ORDER.compare(this, other);
        }
    }
}
