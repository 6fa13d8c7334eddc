package dev.logflow.loader.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Everything the loader can be told, under {@code logflow.loader.*}.
 *
 * <p>Defaults fit the local stack: Flume's file_roll sink writing {@code events-<startMillis>-<n>} files into
 * {@code /flume/log} and one loader per directory.
 */
@ConfigMapping(prefix = "logflow.loader")
public interface LoaderConfig {

    /** Directory Flume's file_roll sink writes into. */
    @WithDefault("/flume/log")
    String directory();

    /**
     * Prefix of Flume's file names ({@code sink.pathManager.prefix}). Files are named
     * {@code <prefix><sinkStartMillis>-<n>}; names without the prefix are accepted too, anything else is ignored.
     */
    @WithDefault("events-")
    String filePrefix();

    /** This loader's id: the key of its checkpoints, its batch ids and its marks in the rollups. */
    @WithDefault("${HOSTNAME:loader-1}")
    String id();

    /** Most event documents in one insertMany. */
    @WithDefault("1000")
    int batchSize();

    /** Most line bytes in one batch (4 MiB). */
    @WithDefault("4194304")
    long batchBytes();

    /** A partial batch is written once its first line has waited this long. */
    @WithDefault("500ms")
    Duration batchMaxDelay();

    /** Pause between two looks at the directory when there is nothing new to read. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** A fully loaded file whose last modification is older than this is deleted (never the newest file). */
    @WithDefault("1h")
    Duration retention();

    /** Whether fully loaded files are deleted once older than {@link #retention()}. */
    @WithDefault("true")
    boolean deleteLoadedFiles();

    /** How often the retention sweep looks for files to delete. */
    @WithDefault("30s")
    Duration retentionCheckInterval();

    /**
     * Most bytes of a refused line kept in its dead letter ({@code raw}), at most 1 MiB; {@code rawBytes} tells the
     * full size.
     */
    @WithDefault("4096")
    int maxRawBytes();

    /** Value of {@code service} for Apache access-log lines. */
    @WithDefault("apache")
    String apacheService();

    /** MongoDB database holding every logflow collection. */
    @WithDefault("logflow")
    String database();

    /**
     * Size of one read from a file (1 MiB), which is also the longest line parsed: a longer one becomes one dead letter
     * with its first {@link #maxRawBytes()} and its length (Flume's netcat source stops at its max-line-length
     * anyway). At most 8 MiB, so that no whole line can make a document over MongoDB's 16 MiB limit.
     */
    @WithDefault("1048576")
    int readBufferBytes();

    /**
     * How long trailing bytes without a newline may stay at the end of a file that already has a newer sibling
     * before they are dead-lettered as a truncated final line (Flume killed in the middle of a write).
     */
    @WithDefault("10s")
    Duration truncatedLineGrace();

    /** Batches parsed ahead of the writer; bounds memory to about this many times {@link #batchBytes()}. */
    @WithDefault("4")
    int queueCapacity();

    /** First wait before retrying a batch after a connection or server error. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** Longest wait between two retries of a batch. */
    @WithDefault("10s")
    Duration retryMaxBackoff();

    /**
     * Liveness fails when a loop thread reported neither progress nor an idle poll for this long. One MongoDB call
     * can block for {@code quarkus.mongodb.server-selection-timeout} (30 s in production) plus
     * {@code quarkus.mongodb.read-timeout} (60 s) without a heartbeat, so keep this comfortably above their sum.
     */
    @WithDefault("120s")
    Duration stallTimeout();

    /** Longest wait for MongoDB's answer to the readiness ping. */
    @WithDefault("2s")
    Duration pingTimeout();

    /** Longest wait at shutdown for the batch being written to finish; the rest is abandoned safely. */
    @WithDefault("10s")
    Duration shutdownTimeout();

    /** Most sources {@code GET /api/loader/gaps} lists (sorted by source); its total counts every source. */
    @WithDefault("1000")
    int gapsMaxSources();

    /**
     * How long the {@code logflow_loader_missing_events} gauge reuses its last reading of {@code source_stats}, so a
     * burst of scrapes costs one query.
     */
    @WithDefault("15s")
    Duration gapsCacheTtl();
}
