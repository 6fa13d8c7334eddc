package dev.logflow.loader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * The guard itself. A real MongoDB refuses a document over 16 MiB (error 10334) and the driver refuses to send one;
 * mongo-java-server, the MongoDB of these tests, is no proof of what a real server refuses, so the refusal is proven
 * here and by OversizeDocumentTest, not by a refused insert.
 */
class DocumentSizeGuardTest {

    private static BsonDocument withText(int bytes) {
        return new BsonDocument("_id", new BsonString("x-1")).append("raw", new BsonString("a".repeat(bytes)));
    }

    @Test
    void refusesAnEventOver16MiBWithItsSizeInTheReason() {
        BsonDocument event = withText(17_000_000);

        Optional<String> refusal = DocumentSizeGuard.refusal(event, 17_000_000);

        long size = DocumentSizeGuard.encodedSize(event);
        assertTrue(size > DocumentSizeGuard.MAX_DOCUMENT_BYTES);
        assertEquals(
                Optional.of("document of " + size + " bytes is over MongoDB's limit of 16777216 bytes (16 MiB)"),
                refusal);
    }

    @Test
    void refusesAnEventThatLeavesNoRoomForItsIngestStamp() {
        BsonDocument event = withText(DocumentSizeGuard.MAX_DOCUMENT_BYTES - 100);

        assertTrue(DocumentSizeGuard.refusal(event, DocumentSizeGuard.MAX_DOCUMENT_BYTES)
                .isPresent());
    }

    @Test
    void acceptsAnEventOfALongLineThatStaysBelowTheLimit() {
        assertEquals(Optional.empty(), DocumentSizeGuard.refusal(withText(5_000_000), 5_000_000));
    }
}
