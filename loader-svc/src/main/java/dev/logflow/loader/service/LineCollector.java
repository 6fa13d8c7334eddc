package dev.logflow.loader.service;

import static dev.logflow.loader.parse.EventFields.INGEST;

import dev.logflow.loader.follow.LineHandler;
import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.parse.ParseResult;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.DeadLetterFactory;
import dev.logflow.loader.store.DocumentSizeGuard;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.jboss.logging.Logger;

/** Parses the lines a reader hands over into the current {@link Batch}, and says when that batch is full. */
final class LineCollector implements LineHandler {

    /** Reason of the dead letter of a line the parser threw on, followed by the exception class. */
    static final String PARSER_FAILED = "parser failed: ";

    private static final Logger LOG = Logger.getLogger(LineCollector.class);

    /** Parses one line; {@link LineParser#parse} in production. */
    @FunctionalInterface
    interface Parser {
        ParseResult parse(byte[] buf, int off, int len, String file, long offset);
    }

    private final Parser parser;
    private final DeadLetterFactory letters;
    private final LoaderMetrics metrics;
    private final int maxLines;
    private final long maxBytes;
    private Batch batch;

    LineCollector(Parser parser, DeadLetterFactory letters, LoaderMetrics metrics, int maxLines, long maxBytes) {
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
    public boolean onLine(byte[] buf, int off, int len, long offset) {
        collect(parseSafely(buf, off, len, offset), buf, off, len, offset);
        return advance(offset, len + 1L);
    }

    /** A line longer than the read buffer: one dead letter with its head and full length, never parsed in pieces. */
    @Override
    public boolean onLongLine(byte[] head, int headLen, long offset, long length) {
        String reason =
                "line of " + length + " bytes is longer than the read buffer (logflow.loader.read-buffer-bytes)";
        batch.addDeadLetter(letters.of(batch.file(), offset, head, 0, headLen, length, reason));
        return advance(offset, length + 1);
    }

    /**
     * Dead-letters the {@code length} bytes that stayed without a {@code \n} at the end of a file that has a newer
     * sibling; {@code head} holds their start.
     */
    void truncatedFinalLine(byte[] head, long offset, long length) {
        batch.addDeadLetter(
                letters.of(batch.file(), offset, head, 0, head.length, length, DeadLetterFactory.TRUNCATED_FINAL_LINE));
        advance(offset, length);
    }

    /** How many first bytes of a line a dead letter keeps: all a reader needs to hand over of a long line. */
    int headBytes() {
        return letters.maxRawBytes();
    }

    boolean full() {
        return batch.lines() >= maxLines || batch.bytes() >= maxBytes;
    }

    /**
     * Parses one line; a parser bug (an exception, or a stack overflow in a regular expression) costs that line, which
     * becomes a dead letter, instead of killing the reader or retrying the same offset forever.
     */
    private ParseResult parseSafely(byte[] buf, int off, int len, long offset) {
        try {
            return parser.parse(buf, off, len, batch.file(), offset);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warnf(
                    "Parser failed on the line at %s:%d (%d bytes): %s; dead-lettering it",
                    batch.file(), offset, len, e.getClass().getName());
            return ParseResult.failure(PARSER_FAILED + e.getClass().getName());
        }
    }

    /** Counts {@code consumed} bytes read and moves the batch past them; false once the batch is full. */
    private boolean advance(long offset, long consumed) {
        metrics.linesRead.incrementAndGet();
        metrics.bytesRead.addAndGet(consumed);
        batch.advance(offset + consumed, consumed);
        return !full();
    }

    private void collect(ParseResult result, byte[] buf, int off, int len, long offset) {
        if (result instanceof ParseResult.Event event) {
            addEvent(event.document(), buf, off, len, offset);
        } else if (result instanceof ParseResult.Failure failure) {
            batch.addDeadLetter(letters.of(batch.file(), offset, buf, off, len, failure.reason()));
        } else {
            metrics.emptyLines.incrementAndGet();
        }
    }

    private void addEvent(BsonDocument doc, byte[] buf, int off, int len, long offset) {
        Optional<String> refusal = DocumentSizeGuard.refusal(doc, len);
        if (refusal.isPresent()) {
            LOG.warnf("The event at %s:%d: %s; dead-lettering it", batch.file(), offset, refusal.get());
            batch.addDeadLetter(letters.of(batch.file(), offset, buf, off, len, refusal.get()));
        } else {
            batch.addEvent(withIngest(doc, offset));
        }
    }

    private BsonDocument withIngest(BsonDocument doc, long offset) {
        BsonDocument ingest = new BsonDocument("file", new BsonString(batch.file()));
        ingest.put("offset", new BsonInt64(offset));
        doc.put(INGEST, ingest);
        return doc;
    }
}
