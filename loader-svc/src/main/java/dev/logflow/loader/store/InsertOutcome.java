package dev.logflow.loader.store;

import dev.logflow.loader.model.DeadLetter;
import java.util.List;
import org.bson.BsonDocument;

/**
 * What one unordered insertMany did with each document.
 *
 * @param inserted documents now stored by this call
 * @param duplicates documents refused with duplicate key (11000): stored before, never counted twice
 * @param refused documents MongoDB refused for another reason, as dead letters
 */
public record InsertOutcome(List<BsonDocument> inserted, int duplicates, List<DeadLetter> refused) {}
