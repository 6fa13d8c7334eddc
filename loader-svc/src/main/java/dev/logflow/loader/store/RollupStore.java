package dev.logflow.loader.store;

import com.mongodb.client.model.Updates;
import dev.logflow.loader.parse.EventFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/**
 * Adds a batch's counts to {@code rollups_minute} at most once per key and batch.
 *
 * <p>Every rollup document carries {@code applied.<loaderId>}: the last batch seq of that loader it counts, kept by
 * {@link MarkedUpserts} in the same atomic update as the {@code $inc} of the count. A retry or a recovery reads those
 * marks first and skips the keys that already have the batch; after a crash they tell exactly which keys were done.
 *
 * <p>Why not the guard in the upsert filter ({@code {_id, "applied.<id>": {$not: {$gte: seq}}}}, where a miss
 * surfaces as duplicate key 11000)? It is correct on MongoDB and on the embedded stand-in alike
 * ({@code RollupStoreTest} checks it), but the stand-in uses the {@code _id} index only for a filter on
 * {@code _id} alone: every guarded upsert scanned the whole collection, 5 to 50 times slower per batch and growing
 * with every minute stored.
 */
@ApplicationScoped
public class RollupStore {

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

    /**
     * Applies {@code delta} as batch {@code seq} of the loader whose mark is {@code loaderKey}.
     *
     * @param readMarks whether some keys may have this batch already (a retry or a recovery); false on a first
     *     attempt, whose seq is above every mark of this loader, saves the read of the marks
     * @return how many keys had this batch already (only after a crash or a retry)
     */
    public int apply(Map<RollupKey, Long> delta, String loaderKey, long seq, boolean readMarks) {
        Map<String, Bson> updates = new HashMap<>();
        delta.forEach((key, count) -> updates.put(key.id(), update(key, count)));
        return MarkedUpserts.apply(collections.rollups(), updates, loaderKey, seq, readMarks);
    }

    private static Bson update(RollupKey key, long count) {
        return Updates.combine(
                Updates.inc("count", count),
                Updates.setOnInsert("minute", new Date(key.minuteMillis())),
                Updates.setOnInsert(EventFields.SERVICE, key.service()),
                Updates.setOnInsert(EventFields.LEVEL, key.level()),
                Updates.setOnInsert(EventFields.STATUS, key.status()));
    }
}
