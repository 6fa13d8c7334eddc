package dev.logflow.loader.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import dev.logflow.loader.service.LoadLoop;
import dev.logflow.loader.store.LoaderCollections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Test helper: a stopped loader on an empty database and directory, and checks of what it stored. */
@ApplicationScoped
public class LoaderHarness {

    private final LoadLoop loop;
    private final LoaderCollections collections;

    public LoaderHarness(LoadLoop loop, LoaderCollections collections) {
        this.loop = loop;
        this.collections = collections;
    }

    /** Stops the loader and empties its database and directory; start it with {@link #start()}. */
    public FlumeFiles reset() {
        loop.stop();
        collections.database().drop();
        FlumeFiles files = new FlumeFiles(MongoTestResource.flumeDir());
        files.clear();
        return files;
    }

    public void start() {
        loop.start();
    }

    public void stop() {
        loop.stop();
    }

    public LoaderCollections collections() {
        return collections;
    }

    public long events() {
        return collections.events().countDocuments();
    }

    /** Event counts per rollup id, computed from {@code events} the way the dashboard would expect them. */
    public Map<String, Long> rollupsFromEvents() {
        Map<String, Long> counts = new HashMap<>();
        collections
                .events()
                .find()
                .forEach(doc ->
                        counts.merge(dev.logflow.loader.store.RollupKey.of(doc).id(), 1L, Long::sum));
        return counts;
    }

    /** The {@code count} of every rollup document by id. */
    public Map<String, Long> rollups() {
        Map<String, Long> counts = new HashMap<>();
        collections.rollups().find().forEach(doc -> counts.put(doc.getString("_id"), doc.getLong("count")));
        return counts;
    }

    /** Rollups must count every stored event exactly once. */
    public void assertRollupsMatchEvents() {
        assertEquals(rollupsFromEvents(), rollups());
    }

    /** Sum of a numeric field grouped by another, via the aggregation pipeline. */
    public Map<Object, Long> countBy(String collection, String field, String sumField) {
        List<Document> groups = collections
                .database()
                .getCollection(collection)
                .aggregate(List.of(Aggregates.group(
                        "$" + field,
                        sumField == null ? Accumulators.sum("n", 1) : Accumulators.sum("n", "$" + sumField))))
                .into(new ArrayList<>());
        Map<Object, Long> result = new HashMap<>();
        groups.forEach(g -> result.put(g.get("_id"), ((Number) g.get("n")).longValue()));
        return result;
    }
}
