package dev.logflow.loader.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses settings the loader cannot work with, naming every bad one in one message, before anything is read.
 *
 * <p>The read buffer is also the longest line parsed whole. A whole line of {@link #MAX_READ_BUFFER_BYTES} makes a
 * JSON event well below MongoDB's 16 MiB document limit; a buffer of 16 MiB or more let a 17 MB line become a document
 * the driver refused on every retry. Dead letters keep at most {@link #MAX_RAW_BYTES} of their line for the same
 * reason.
 */
public final class LoaderConfigCheck {

    /** Largest {@code read-buffer-bytes}: half of MongoDB's 16 MiB document limit. */
    public static final int MAX_READ_BUFFER_BYTES = 8 * 1024 * 1024;

    /** Smallest {@code read-buffer-bytes}: room for any generated event. */
    public static final int MIN_READ_BUFFER_BYTES = 1024;

    /** Largest {@code max-raw-bytes}: a dead letter stays far below the document limit. */
    public static final int MAX_RAW_BYTES = 1024 * 1024;

    private LoaderConfigCheck() {}

    /**
     * @throws IllegalArgumentException listing every setting out of its bounds
     */
    public static void check(LoaderConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid logflow.loader settings: " + String.join("; ", problems));
        }
    }

    /** Every setting out of its bounds, as {@code key=value must be ...}. */
    public static List<String> problems(LoaderConfig config) {
        List<String> problems = new ArrayList<>();
        between(problems, "read-buffer-bytes", config.readBufferBytes(), MIN_READ_BUFFER_BYTES, MAX_READ_BUFFER_BYTES);
        between(problems, "max-raw-bytes", config.maxRawBytes(), 0, MAX_RAW_BYTES);
        between(problems, "batch-size", config.batchSize(), 1, Integer.MAX_VALUE);
        between(problems, "batch-bytes", config.batchBytes(), 1, Long.MAX_VALUE);
        between(problems, "queue-capacity", config.queueCapacity(), 1, Integer.MAX_VALUE);
        return problems;
    }

    private static void between(List<String> problems, String key, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(key + "=" + value + " must be between " + min + " and " + max);
        }
    }
}
