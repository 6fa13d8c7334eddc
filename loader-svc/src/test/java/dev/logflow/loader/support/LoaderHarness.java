package dev.logflow.loader.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
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

    /**
     * {@code [count, minSeq, maxSeq]} per source computed from {@code events}: what {@code source_stats} must hold when
     * every stored generated event is counted exactly once.
     */
    public Map<String, List<Long>> sourceStatsFromEvents() {
        Map<String, List<Long>> stats = new HashMap<>();
        collections.events().find(Filters.exists("seq")).forEach(doc -> {
            long seq = doc.getInt64("seq").getValue();
            stats.merge(
                    doc.getString("source").getValue(),
                    List.of(1L, seq, seq),
                    (a, b) -> List.of(a.get(0) + b.get(0), Math.min(a.get(1), b.get(1)), Math.max(a.get(2), b.get(2))));
        });
        return stats;
    }

    /** {@code [count, minSeq, maxSeq]} of every {@code source_stats} document by source. */
    public Map<String, List<Long>> sourceStats() {
        Map<String, List<Long>> stats = new HashMap<>();
        collections
                .sourceStats()
                .find()
                .forEach(doc -> stats.put(
                        doc.getString("_id"),
                        List.of(doc.getLong("count"), doc.getLong("minSeq"), doc.getLong("maxSeq"))));
        return stats;
    }

    /** Source stats must count every stored generated event exactly once. */
    public void assertSourceStatsMatchEvents() {
        assertEquals(sourceStatsFromEvents(), sourceStats());
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
