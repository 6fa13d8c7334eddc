package dev.logflow.loader.service;

/**
 * The loader's counters since start-up, as {@code GET /api/loader/status} shows them.
 *
 * @param lagBytes bytes of Flume's files not yet stored (sum over files of size minus checkpoint); -1 until the
 *     reader has looked at the directory once after start-up
 * @param currentFile the file being read, null before the first one
 * @param queue parsed batches waiting for the writer: the loader's read-ahead, and so its memory, is bounded by it
 */
public record LoaderStatus(
        String loaderId,
        String directory,
        boolean running,
        long linesRead,
        long bytesRead,
        long inserted,
        long duplicates,
        long deadLetters,
        long emptyLines,
        Batches batches,
        long lagBytes,
        String currentFile,
        long filesDeleted,
        long truncatedFiles,
        long vanishedFiles,
        long recoveries,
        long retries,
        Queue queue) {

    /** Committed batches: how many, and their sizes in lines. */
    public record Batches(long count, long lastSize, double meanSize, long maxSize) {}

    /**
     * The bounded queue between the reader and the writer.
     *
     * @param depth batches waiting now
     * @param capacity most batches that can wait ({@code logflow.loader.queue-capacity}); the reader blocks beyond
     */
    public record Queue(int depth, int capacity) {}
}
