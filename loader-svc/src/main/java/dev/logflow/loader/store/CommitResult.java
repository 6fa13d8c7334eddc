package dev.logflow.loader.store;

/**
 * What committing one batch stored.
 *
 * @param inserted new event documents
 * @param duplicates events already stored before
 * @param deadLetters new dead letters
 * @param keysAlreadyApplied rollup keys that already had this batch (only after a crash or retry)
 */
public record CommitResult(int inserted, int duplicates, int deadLetters, int keysAlreadyApplied) {}
