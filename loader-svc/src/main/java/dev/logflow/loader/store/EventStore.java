package dev.logflow.loader.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.model.DeadLetter;
import dev.logflow.loader.parse.EventFields;
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

    /** What step c needs of a stored event: the rollup key and the source stats. */
    private static final List<String> STEP_C_FIELDS = List.of(
            EventFields.TS,
            EventFields.SERVICE,
            EventFields.LEVEL,
            EventFields.STATUS,
            EventFields.SOURCE,
            EventFields.SEQ);

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

    /** Every event batch {@code batchId} stored, before a crash and since, with the fields step c needs. */
    public List<BsonDocument> storedBy(String batchId) {
        return collections
                .events()
                .find(Filters.eq(EventFields.INGEST + ".batch", batchId))
                .projection(Projections.include(STEP_C_FIELDS))
                .into(new ArrayList<>());
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
