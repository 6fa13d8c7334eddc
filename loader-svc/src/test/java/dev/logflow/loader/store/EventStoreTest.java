package dev.logflow.loader.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class EventStoreTest {

    @Inject
    EventStore events;

    @Inject
    IndexInitializer indexes;

    @Inject
    LoaderHarness harness;

    @BeforeEach
    void emptyDatabase() {
        harness.reset();
    }

    private static BsonDocument event(BsonDocument id, long offset) {
        BsonDocument ingest = new BsonDocument("file", new BsonString("events-1-1"));
        ingest.put("offset", new BsonInt64(offset));
        return id.append("status", new BsonInt32(200)).append("ingest", ingest);
    }

    private static BsonDocument event(String id, long offset) {
        return event(new BsonDocument("_id", new BsonString(id)), offset);
    }

    @Test
    void countsAReinsertedEventAsDuplicateAndStoresItOnce() {
        events.insert(List.of(event("a", 0), event("b", 10)));

        InsertOutcome again = events.insert(List.of(event("a", 0), event("b", 10), event("c", 20)));

        assertEquals(2, again.duplicates());
        assertEquals(
                List.of("c"),
                again.inserted().stream()
                        .map(d -> d.getString("_id").getValue())
                        .toList());
        assertEquals(3, harness.events());
    }

    @Test
    void turnsADocumentMongoDbRefusesIntoADeadLetterAndStoresTheRest() {
        BsonDocument arrayId = event(new BsonDocument("_id", new BsonArray(List.of(new BsonInt32(1)))), 10);

        InsertOutcome outcome = events.insert(List.of(event("a", 0), arrayId, event("c", 20)));

        assertEquals(2, outcome.inserted().size());
        assertEquals(1, outcome.refused().size());
        assertEquals("events-1-1:10", outcome.refused().get(0).id);
        assertTrue(
                outcome.refused().get(0).reason.startsWith("refused by MongoDB (code "),
                outcome.refused().get(0).reason);
    }

    @Test
    void createsTheIndexesOfTheDataModelTwiceWithoutFailing() {
        assertDoesNotThrow(indexes::ensureIndexes);
        assertDoesNotThrow(indexes::ensureIndexes);
    }
}
