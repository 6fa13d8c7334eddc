package dev.logflow.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
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

    long events(Bson filter) {
        return db.getCollection("events").countDocuments(filter);
    }

    long deadLetters() {
        return db.getCollection("dead_letters").countDocuments();
    }

    List<Document> deadLetterSamples() {
        return db.getCollection("dead_letters").find().limit(5).into(new java.util.ArrayList<>());
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
}
