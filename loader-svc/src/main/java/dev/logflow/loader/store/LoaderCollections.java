package dev.logflow.loader.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.logflow.loader.config.LoaderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.BsonDocument;
import org.bson.Document;

/** The collections the loader writes with the plain driver (the hot path), in the configured database. */
@ApplicationScoped
public class LoaderCollections {

    /** Collection names of docs/data-model.md. */
    public static final String EVENTS = "events";

    public static final String ROLLUPS = "rollups_minute";
    public static final String DEAD_LETTERS = "dead_letters";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LOADER_STATE = "loader_state";
    public static final String SOURCE_STATS = "source_stats";

    private final MongoDatabase database;

    public LoaderCollections(MongoClient client, LoaderConfig config) {
        this.database = client.getDatabase(config.database());
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<BsonDocument> events() {
        return database.getCollection(EVENTS, BsonDocument.class);
    }

    public MongoCollection<Document> rollups() {
        return database.getCollection(ROLLUPS);
    }

    public MongoCollection<Document> sourceStats() {
        return database.getCollection(SOURCE_STATS);
    }

    public MongoCollection<Document> deadLetters() {
        return database.getCollection(DEAD_LETTERS);
    }

    public MongoCollection<Document> checkpoints() {
        return database.getCollection(CHECKPOINTS);
    }

    public MongoCollection<Document> loaderState() {
        return database.getCollection(LOADER_STATE);
    }
}
