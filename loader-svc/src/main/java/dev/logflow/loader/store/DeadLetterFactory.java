package dev.logflow.loader.store;

import static dev.logflow.loader.parse.EventFields.INGEST;

import com.mongodb.bulk.BulkWriteError;
import dev.logflow.loader.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.bson.BsonDocument;

/** Builds dead letters with the raw line cut to {@code max-raw-bytes}. */
public final class DeadLetterFactory {

    /** Reason of the remainder of a file that never got its final {@code \n}. */
    public static final String TRUNCATED_FINAL_LINE = "truncated final line";

    private final int maxRawBytes;

    public DeadLetterFactory(int maxRawBytes) {
        this.maxRawBytes = maxRawBytes;
    }

    /** How many first bytes of a line a dead letter keeps. */
    public int maxRawBytes() {
        return maxRawBytes;
    }

    /** The dead letter of line bytes {@code buf[off, off + len)} found at {@code offset} of {@code file}. */
    public DeadLetter of(String file, long offset, byte[] buf, int off, int len, String reason) {
        return of(file, offset, buf, off, len, len, reason);
    }

    /**
     * The dead letter of a line of {@code length} bytes found at {@code offset} of {@code file}, of which only the
     * first {@code len} bytes, {@code buf[off, off + len)}, are at hand.
     */
    public DeadLetter of(String file, long offset, byte[] buf, int off, int len, long length, String reason) {
        DeadLetter letter = new DeadLetter();
        letter.id = DeadLetter.idOf(file, offset);
        letter.file = file;
        letter.offset = offset;
        letter.reason = reason;
        letter.raw = new String(buf, off, Math.min(len, maxRawBytes), StandardCharsets.UTF_8);
        letter.rawBytes = length;
        return letter;
    }

    /** A parsed event MongoDB refused; its raw text is the document as JSON, since the line is gone by now. */
    DeadLetter refused(BsonDocument event, BulkWriteError error) {
        BsonDocument ingest = event.getDocument(INGEST);
        byte[] json = event.toJson().getBytes(StandardCharsets.UTF_8);
        String file = ingest.getString("file").getValue();
        long offset = ingest.getInt64("offset").getValue();
        String reason = "refused by MongoDB (code " + error.getCode() + "): " + error.getMessage();
        return of(file, offset, json, 0, json.length, reason);
    }
}
