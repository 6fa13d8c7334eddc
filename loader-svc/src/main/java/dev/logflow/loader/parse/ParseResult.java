package dev.logflow.loader.parse;

import org.bson.BsonDocument;

/** What one line of Flume's output became: an event document, a refusal with its reason, or nothing. */
public sealed interface ParseResult permits ParseResult.Event, ParseResult.Failure, ParseResult.Empty {

    /** A line that becomes a document of {@code events} (with {@code _id}, without {@code ingest}). */
    record Event(BsonDocument document) implements ParseResult {}

    /** A line that cannot be stored as an event; {@code reason} goes into its dead letter. */
    record Failure(String reason) implements ParseResult {}

    /** An empty or blank line: skipped and counted, never dead-lettered. */
    enum Empty implements ParseResult {
        INSTANCE
    }

    static ParseResult failure(String reason) {
        return new Failure(reason);
    }
}
