package dev.logflow.loader.service;

import static dev.logflow.loader.parse.EventFields.INGEST;

import dev.logflow.loader.follow.LineHandler;
import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.parse.ParseResult;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.DeadLetterFactory;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/** Parses the lines a reader hands over into the current {@link Batch}, and says when that batch is full. */
final class LineCollector implements LineHandler {

    private final LineParser parser;
    private final DeadLetterFactory letters;
    private final LoaderMetrics metrics;
    private final int maxLines;
    private final long maxBytes;
    private Batch batch;

    LineCollector(LineParser parser, DeadLetterFactory letters, LoaderMetrics metrics, int maxLines, long maxBytes) {
        this.parser = parser;
        this.letters = letters;
        this.metrics = metrics;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    /** Lines from now on go into {@code batch}. */
    void into(Batch target) {
        this.batch = target;
    }

    @Override
    public boolean onLine(byte[] buf, int off, int len, long offset, boolean whole) {
        int consumed = whole ? len + 1 : len;
        metrics.linesRead.incrementAndGet();
        metrics.bytesRead.addAndGet(consumed);
        if (whole) {
            collect(parser.parse(buf, off, len, batch.file(), offset), buf, off, len, offset);
        } else {
            String reason = "line longer than " + len + " bytes (the read buffer); stored in pieces";
            batch.addDeadLetter(letters.of(batch.file(), offset, buf, off, len, reason));
        }
        batch.advance(offset + consumed, consumed);
        return !full();
    }

    /** Dead-letters bytes that stayed without a {@code \n} at the end of a file that has a newer sibling. */
    void truncatedFinalLine(byte[] rest, long offset) {
        metrics.linesRead.incrementAndGet();
        metrics.bytesRead.addAndGet(rest.length);
        batch.addDeadLetter(
                letters.of(batch.file(), offset, rest, 0, rest.length, DeadLetterFactory.TRUNCATED_FINAL_LINE));
        batch.advance(offset + rest.length, rest.length);
    }

    boolean full() {
        return batch.lines() >= maxLines || batch.bytes() >= maxBytes;
    }

    private void collect(ParseResult result, byte[] buf, int off, int len, long offset) {
        if (result instanceof ParseResult.Event event) {
            batch.addEvent(withIngest(event.document(), offset));
        } else if (result instanceof ParseResult.Failure failure) {
            batch.addDeadLetter(letters.of(batch.file(), offset, buf, off, len, failure.reason()));
        } else {
            metrics.emptyLines.incrementAndGet();
        }
    }

    private BsonDocument withIngest(BsonDocument doc, long offset) {
        BsonDocument ingest = new BsonDocument("file", new BsonString(batch.file()));
        ingest.put("offset", new BsonInt64(offset));
        doc.put(INGEST, ingest);
        return doc;
    }
}
