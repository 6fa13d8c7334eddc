package dev.logflow.loader.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.logflow.loader.parse.EventFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Adds a batch's counts to {@code rollups_minute} at most once per key and batch.
 *
 * <p>Every rollup document carries {@code applied.<loaderId>}: the last batch seq of that loader it counts. Applying
 * batch {@code seq} again (a retry or a recovery) first reads those marks for the batch's keys (one {@code $in}
 * query on {@code _id}) and skips the keys that already have {@code seq}; a first attempt skips that read, since a
 * single writer's new seq is above every mark. Either way the keys left are upserted by {@code _id} with
 * {@code $inc} of the count and {@code $set} of the mark in the same atomic update. After a crash the marks tell
 * exactly which keys were done. Only the loader's single writer thread writes its marks, so nothing can change them between read and write.
 *
 * <p>Why not the guard in the upsert filter ({@code {_id, "applied.<id>": {$not: {$gte: seq}}}}, where a miss
 * surfaces as duplicate key 11000)? It is correct on MongoDB and on the embedded stand-in alike
 * ({@code RollupStoreTest} checks it), but the stand-in uses the {@code _id} index only for a filter on
 * {@code _id} alone: every guarded upsert scanned the whole collection, 5 to 50 times slower per batch and growing
 * with every minute stored.
 */
@ApplicationScoped
public class RollupStore {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final String APPLIED = "applied";

    private final LoaderCollections collections;

    public RollupStore(LoaderCollections collections) {
        this.collections = collections;
    }

    /** Counts of {@code events} per rollup key. */
    public static Map<RollupKey, Long> delta(List<BsonDocument> events) {
        Map<RollupKey, Long> delta = new HashMap<>();
        for (BsonDocument event : events) {
            delta.merge(RollupKey.of(event), 1L, Long::sum);
        }
        return delta;
    }

    /** Counts of every event that batch {@code batchId} stored, before a crash and since. */
    public Map<RollupKey, Long> deltaOfBatch(String batchId) {
        Bson fields = Projections.include(EventFields.TS, EventFields.SERVICE, EventFields.LEVEL, EventFields.STATUS);
        List<BsonDocument> events = collections
                .events()
                .find(eq(EventFields.INGEST + ".batch", batchId))
                .projection(fields)
                .into(new ArrayList<>());
        return delta(events);
    }

    /**
     * Applies {@code delta} as batch {@code seq} of the loader whose mark is {@code loaderKey}.
     *
     * @param readMarks whether some keys may have this batch already (a retry or a recovery); false on a first
     *     attempt, whose seq is above every mark of this loader, saves the read of the marks
     * @return how many keys had this batch already (only after a crash or a retry)
     */
    public int apply(Map<RollupKey, Long> delta, String loaderKey, long seq, boolean readMarks) {
        if (delta.isEmpty()) {
            return 0;
        }
        Map<String, RollupKey> keys = new HashMap<>();
        delta.keySet().forEach(key -> keys.put(key.id(), key));
        Set<String> done = readMarks ? alreadyApplied(keys.keySet(), loaderKey, seq) : Set.of();
        List<WriteModel<Document>> upserts = new ArrayList<>(keys.size());
        keys.forEach((id, key) -> {
            if (!done.contains(id)) {
                upserts.add(upsert(key, delta.get(key), loaderKey, seq));
            }
        });
        if (!upserts.isEmpty()) {
            collections.rollups().bulkWrite(upserts, UNORDERED);
        }
        return done.size();
    }

    private Set<String> alreadyApplied(Set<String> ids, String loaderKey, long seq) {
        String mark = APPLIED + "." + loaderKey;
        Set<String> done = new HashSet<>();
        collections
                .rollups()
                .find(in("_id", ids))
                .projection(Projections.include(mark))
                .forEach(doc -> {
                    Document applied = doc.get(APPLIED, Document.class);
                    Object last = applied == null ? null : applied.get(loaderKey);
                    if (last instanceof Number number && number.longValue() >= seq) {
                        done.add(doc.getString("_id"));
                    }
                });
        return done;
    }

    private static UpdateOneModel<Document> upsert(RollupKey key, long count, String loaderKey, long seq) {
        Bson update = Updates.combine(
                Updates.inc("count", count),
                Updates.set(APPLIED + "." + loaderKey, seq),
                Updates.setOnInsert("minute", new Date(key.minuteMillis())),
                Updates.setOnInsert(EventFields.SERVICE, key.service()),
                Updates.setOnInsert(EventFields.LEVEL, key.level()),
                Updates.setOnInsert(EventFields.STATUS, key.status()));
        return new UpdateOneModel<>(eq("_id", key.id()), update, UPSERT);
    }
}
