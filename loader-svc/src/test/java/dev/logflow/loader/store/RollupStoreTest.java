package dev.logflow.loader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class RollupStoreTest {

    private static final RollupKey KEY = new RollupKey(1_431_857_100_000L, "apache", "INFO", 200);
    private static final RollupKey OTHER = new RollupKey(1_431_857_100_000L, "apache", "WARN", 404);

    @Inject
    RollupStore rollups;

    @Inject
    LoaderHarness harness;

    @BeforeEach
    void emptyDatabase() {
        harness.reset();
    }

    private Document rollup(RollupKey key) {
        return harness.collections()
                .rollups()
                .find(new Document("_id", key.id()))
                .first();
    }

    @Test
    void createsTheRollupDocumentWithItsKeyFields() {
        rollups.apply(Map.of(KEY, 3L), "l1", 1);

        Document doc = rollup(KEY);
        assertEquals("2015-05-17T10:05Z|apache|INFO|200", doc.getString("_id"));
        assertEquals(3L, doc.getLong("count"));
        assertEquals(200, doc.getInteger("status"));
        assertEquals("apache", doc.getString("service"));
        assertEquals(1_431_857_100_000L, doc.getDate("minute").getTime());
        assertEquals(1L, doc.get("applied", Document.class).getLong("l1"));
    }

    @Test
    void ignoresABatchAppliedAgainToTheSameKey() {
        rollups.apply(Map.of(KEY, 3L), "l1", 1);

        int alreadyApplied = rollups.apply(Map.of(KEY, 3L), "l1", 1);

        assertEquals(1, alreadyApplied);
        assertEquals(3L, rollup(KEY).getLong("count"));
    }

    @Test
    void appliesOnlyTheKeysABatchHasNotReachedYet() {
        rollups.apply(Map.of(KEY, 3L), "l1", 1);
        rollups.apply(Map.of(KEY, 2L), "l1", 2);

        int alreadyApplied = rollups.apply(Map.of(KEY, 2L, OTHER, 1L), "l1", 2);

        assertEquals(1, alreadyApplied);
        assertEquals(5L, rollup(KEY).getLong("count"));
        assertEquals(1L, rollup(OTHER).getLong("count"));
    }

    /**
     * The protocol as first designed guarded the upsert filter itself; this pins that the embedded stand-in answers
     * a missed guard like MongoDB does (duplicate key 11000, count untouched), should the design return to it.
     */
    @Test
    void embeddedServerReportsAMissedGuardedUpsertAsDuplicateKey() {
        rollups.apply(Map.of(KEY, 3L), "l1", 1);
        Bson guarded = Filters.and(Filters.eq("_id", KEY.id()), Filters.not(Filters.gte("applied.l1", 1L)));

        MongoWriteException e = assertThrows(
                MongoWriteException.class,
                () -> harness.collections()
                        .rollups()
                        .updateOne(guarded, Updates.inc("count", 3L), new UpdateOptions().upsert(true)));

        assertEquals(MongoErrors.DUPLICATE_KEY, e.getError().getCode());
        assertEquals(3L, rollup(KEY).getLong("count"));
    }

    @Test
    void keepsTheMarksOfTwoLoadersApart() {
        rollups.apply(Map.of(KEY, 3L), "l1", 7);

        rollups.apply(Map.of(KEY, 4L), "l2", 1);

        Document doc = rollup(KEY);
        assertEquals(7L, doc.getLong("count"));
        assertEquals(7L, doc.get("applied", Document.class).getLong("l1"));
        assertEquals(1L, doc.get("applied", Document.class).getLong("l2"));
    }
}
