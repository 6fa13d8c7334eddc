package dev.logflow.loader.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.model.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * Inserts event documents with one unordered insertMany. A duplicate key means the event is already stored; any other
 * per-document error turns that document into a dead letter. Everything else (connection, timeout, write concern)
 * propagates so the caller retries the whole, idempotent batch.
 */
@ApplicationScoped
public class EventStore {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final LoaderCollections collections;
    private final DeadLetterFactory deadLetters;

    public EventStore(LoaderCollections collections, LoaderConfig config) {
        this.collections = collections;
        this.deadLetters = new DeadLetterFactory(config.maxRawBytes());
    }

    public InsertOutcome insert(List<BsonDocument> events) {
        if (events.isEmpty()) {
            return new InsertOutcome(List.of(), 0, List.of());
        }
        try {
            collections.events().insertMany(events, UNORDERED);
            return new InsertOutcome(events, 0, List.of());
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            return outcome(events, e.getWriteErrors());
        }
    }

    private InsertOutcome outcome(List<BsonDocument> events, List<BulkWriteError> errors) {
        Set<Integer> failed = new HashSet<>();
        List<DeadLetter> refused = new ArrayList<>();
        int duplicates = 0;
        for (BulkWriteError error : errors) {
            failed.add(error.getIndex());
            if (error.getCode() == MongoErrors.DUPLICATE_KEY) {
                duplicates++;
            } else {
                refused.add(deadLetters.refused(events.get(error.getIndex()), error));
            }
        }
        List<BsonDocument> inserted = new ArrayList<>(events.size() - failed.size());
        for (int i = 0; i < events.size(); i++) {
            if (!failed.contains(i)) {
                inserted.add(events.get(i));
            }
        }
        return new InsertOutcome(inserted, duplicates, refused);
    }
}
