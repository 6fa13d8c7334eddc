package dev.logflow.dashboard.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import dev.logflow.dashboard.config.DashboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

/** The collections of docs/data-model.md that the dashboard reads, in the configured database. */
@ApplicationScoped
public class Collections {

    /** Per-minute counts written by loader-svc. */
    public static final String ROLLUPS = "rollups_minute";

    /** One document per stored log event. */
    public static final String EVENTS = "events";

    /** Per generator source: events stored and the highest seq stored, written by loader-svc. */
    public static final String SOURCE_STATS = "source_stats";

    /** Lines loader-svc could not store, one document each. */
    public static final String DEAD_LETTERS = "dead_letters";

    private final MongoClient client;
    private final DashboardConfig config;

    Collections(MongoClient client, DashboardConfig config) {
        this.client = client;
        this.config = config;
    }

    /** @return {@code rollups_minute} */
    public MongoCollection<Document> rollups() {
        return collection(ROLLUPS);
    }

    /** @return {@code events} */
    public MongoCollection<Document> events() {
        return collection(EVENTS);
    }

    /** @return {@code source_stats} */
    public MongoCollection<Document> sourceStats() {
        return collection(SOURCE_STATS);
    }

    /** @return {@code dead_letters} */
    public MongoCollection<Document> deadLetters() {
        return collection(DEAD_LETTERS);
    }

    private MongoCollection<Document> collection(String name) {
        return client.getDatabase(config.database()).getCollection(name);
    }
}
