package dev.logflow.loader.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies one batch's updates to documents that carry {@code applied.<loaderId>} marks, at most once per document and
 * batch: the protocol step c shares between {@code rollups_minute} and {@code source_stats}.
 *
 * <p>A retry or a recovery first reads the marks of the batch's ids (one {@code $in} query on {@code _id}) and skips
 * the documents whose mark is already at least {@code seq}; a first attempt skips that read, since a single writer's
 * new seq is above every mark. The ids left are upserted by {@code _id} alone, each update combined with the
 * {@code $set} of the mark, so count and mark change in one atomic update. Only the loader's single writer thread
 * writes its marks, so nothing can change them between read and write.
 */
final class MarkedUpserts {

    static final String APPLIED = "applied";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private MarkedUpserts() {}

    /**
     * Upserts {@code updates} (by {@code _id}) as batch {@code seq} of the loader whose mark is {@code loaderKey}.
     *
     * @param readMarks whether some documents may have this batch already (a retry or a recovery)
     * @return how many documents had this batch already
     */
    static int apply(
            MongoCollection<Document> collection,
            Map<String, Bson> updates,
            String loaderKey,
            long seq,
            boolean readMarks) {
        if (updates.isEmpty()) {
            return 0;
        }
        Set<String> done = readMarks ? alreadyApplied(collection, updates.keySet(), loaderKey, seq) : Set.of();
        Bson mark = Updates.set(APPLIED + "." + loaderKey, seq);
        List<WriteModel<Document>> upserts = new ArrayList<>(updates.size());
        updates.forEach((id, update) -> {
            if (!done.contains(id)) {
                upserts.add(new UpdateOneModel<>(eq("_id", id), Updates.combine(update, mark), UPSERT));
            }
        });
        if (!upserts.isEmpty()) {
            collection.bulkWrite(upserts, UNORDERED);
        }
        return done.size();
    }

    private static Set<String> alreadyApplied(
            MongoCollection<Document> collection, Set<String> ids, String loaderKey, long seq) {
        Set<String> done = new HashSet<>();
        collection
                .find(in("_id", ids))
                .projection(Projections.include(APPLIED + "." + loaderKey))
                .forEach(doc -> {
                    Document applied = doc.get(APPLIED, Document.class);
                    Object last = applied == null ? null : applied.get(loaderKey);
                    if (last instanceof Number number && number.longValue() >= seq) {
                        done.add(doc.getString("_id"));
                    }
                });
        return done;
    }
}
