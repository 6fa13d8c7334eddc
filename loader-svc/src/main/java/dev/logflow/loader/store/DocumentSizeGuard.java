package dev.logflow.loader.store;

import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Keeps documents MongoDB would refuse forever out of {@code insertMany}: a real server refuses a document over 16 MiB
 * (error 10334) and the driver does not even send one, failing the whole batch, which the writer would then retry
 * without end. Such an event becomes a dead letter instead.
 *
 * <p>Only documents parsed from long lines are measured. A document holds at most three copies of its line's text
 * (an Apache line's {@code raw}, its {@code message} and the fields cut from it), each at most three times longer
 * than the line when invalid UTF-8 was replaced by U+FFFD, plus a few KiB of names, warnings and ids; so a line of up
 * to {@link #MEASURE_FROM_LINE_BYTES} cannot make one too large, and the hot path encodes nothing twice.
 */
public final class DocumentSizeGuard {

    /** MongoDB's largest document ({@code maxBsonObjectSize}), fixed by the server. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    /** Lines up to this long are never measured (see the class comment). */
    public static final int MEASURE_FROM_LINE_BYTES = MAX_DOCUMENT_BYTES / 16;

    /** Room kept for the {@code ingest} stamp (batch id, time) added when the batch is written. */
    static final int STAMP_ROOM_BYTES = 1024;

    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private DocumentSizeGuard() {}

    /** Why the event parsed from a line of {@code lineBytes} cannot be stored, or empty when it can. */
    public static Optional<String> refusal(BsonDocument event, long lineBytes) {
        if (lineBytes <= MEASURE_FROM_LINE_BYTES) {
            return Optional.empty();
        }
        long size = encodedSize(event);
        if (size + STAMP_ROOM_BYTES <= MAX_DOCUMENT_BYTES) {
            return Optional.empty();
        }
        return Optional.of(
                "document of " + size + " bytes is over MongoDB's limit of " + MAX_DOCUMENT_BYTES + " bytes (16 MiB)");
    }

    /** The size of {@code document} encoded as BSON, as the driver would send it. */
    public static long encodedSize(BsonDocument document) {
        return new RawBsonDocument(document, CODEC).getByteBuffer().remaining();
    }
}
