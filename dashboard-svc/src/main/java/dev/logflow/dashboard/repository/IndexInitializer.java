package dev.logflow.dashboard.repository;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

/**
 * Makes sure the indexes the dashboard's queries rely on exist (the same ones loader-svc creates, so whichever
 * starts first creates them and the other's request is a no-op). Without them a real server scans whole collections.
 */
@ApplicationScoped
public class IndexInitializer {

    private static final Logger LOG = Logger.getLogger(IndexInitializer.class);

    private final Collections collections;

    IndexInitializer(Collections collections) {
        this.collections = collections;
    }

    void onStart(@Observes StartupEvent event) {
        create(collections.rollups(), Indexes.ascending("minute"));
        create(collections.rollups(), Indexes.ascending("service", "minute"));
        create(collections.events(), Indexes.descending("ts"));
    }

    /** A missing index makes queries slow, not wrong: the service starts anyway and says so. */
    private static void create(MongoCollection<Document> collection, Bson keys) {
        try {
            collection.createIndex(keys);
            LOG.infof("Index %s on %s is in place", keys.toBsonDocument().toJson(), collection.getNamespace());
        } catch (MongoException e) {
            LOG.warnf(e, "Could not create index %s on %s; queries will scan", keys, collection.getNamespace());
        }
    }
}
