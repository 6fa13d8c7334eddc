package dev.logflow.loader.store;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates the indexes of docs/data-model.md, idempotently. A server that refuses one (the embedded stand-in has no
 * non-unique indexes) gets one warning and the loader carries on: indexes serve readers, not correctness.
 */
@ApplicationScoped
public class IndexInitializer {

    private static final Logger LOG = Logger.getLogger(IndexInitializer.class);
    private static final String TS = "ts";
    private static final String MINUTE = "minute";

    private final LoaderCollections collections;
    private boolean warned;

    public IndexInitializer(LoaderCollections collections) {
        this.collections = collections;
    }

    public void ensureIndexes() {
        create(
                collections.events(),
                List.of(
                        new IndexModel(Indexes.descending(TS)),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending(TS))),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("service"), Indexes.descending(TS))),
                        new IndexModel(Indexes.ascending("ingest.batch")),
                        new IndexModel(Indexes.ascending("source", "seq"))));
        create(
                collections.rollups(),
                List.of(
                        new IndexModel(Indexes.ascending(MINUTE)),
                        new IndexModel(Indexes.ascending("service", MINUTE))));
        LOG.debug("Indexes ensured");
    }

    private void create(MongoCollection<?> collection, List<IndexModel> indexes) {
        try {
            collection.createIndexes(indexes);
        } catch (MongoCommandException e) {
            if (!warned) {
                LOG.warnf(
                        "MongoDB refused an index on %s (%s); continuing without it",
                        collection.getNamespace().getCollectionName(), e.getErrorMessage());
                warned = true;
            }
        }
    }
}
