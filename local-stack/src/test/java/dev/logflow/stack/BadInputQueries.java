package dev.logflow.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;

/** What the loader made of bad input, read from MongoDB by event id and by the text of dead-lettered lines. */
final class BadInputQueries implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase db;

    BadInputQueries(String connectionString) {
        this.client = MongoClients.create(connectionString);
        this.db = client.getDatabase("logflow");
    }

    /** The stored event with this id, or null. */
    Document event(String id) {
        return db.getCollection("events").find(Filters.eq("_id", id)).first();
    }

    /** How many stored events carry this generator source and sequence number. */
    long eventsWithSeq(String source, long seq) {
        return db.getCollection("events")
                .countDocuments(Filters.and(Filters.eq("source", source), Filters.eq("seq", seq)));
    }

    /** Copies beyond the first of every (source, seq) stored more than once, whatever their ids. */
    long eventsStoredMoreThanOnce() {
        MongoCollection<Document> events = db.getCollection("events");
        Document distinct = events.aggregate(List.of(
                        Aggregates.match(Filters.exists("seq")),
                        Aggregates.group(new Document("source", "$source").append("seq", "$seq")),
                        Aggregates.count("n")))
                .first();
        long withSeq = events.countDocuments(Filters.exists("seq"));
        return withSeq - (distinct == null ? 0 : ((Number) distinct.get("n")).longValue());
    }

    /** The {@code warnings} of the stored event with this id; empty when it has none. */
    List<String> warnings(String id) {
        Document event = event(id);
        return event == null ? List.of() : event.getList("warnings", String.class, List.of());
    }

    /** The reason of every dead letter whose line contains {@code text}. */
    List<String> deadLetterReasons(String text) {
        return db.getCollection("dead_letters")
                .find(Filters.regex("raw", Pattern.quote(text)))
                .map(letter -> letter.getString("reason"))
                .into(new ArrayList<>());
    }

    @Override
    public void close() {
        client.close();
    }
}
