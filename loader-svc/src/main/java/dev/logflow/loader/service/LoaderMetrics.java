package dev.logflow.loader.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters of everything that moves through the loader, exported to Micrometer ({@code logflow_loader_*}) and read
 * by {@code GET /api/loader/status}. Counts since this process started. A singleton (no client proxy) because the
 * loop threads update its fields directly.
 */
@Singleton
public class LoaderMetrics {

    final AtomicLong linesRead = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    final AtomicLong emptyLines = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong batchedLines = new AtomicLong();
    final AtomicLong lastBatchSize = new AtomicLong();
    final AtomicLong maxBatchSize = new AtomicLong();
    /** -1 until the reader has looked at the directory once. */
    final AtomicLong lagBytes = new AtomicLong(-1);

    final AtomicLong filesDeleted = new AtomicLong();
    final AtomicLong truncatedFiles = new AtomicLong();
    final AtomicLong vanishedFiles = new AtomicLong();
    final AtomicLong recoveries = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicReference<String> currentFile = new AtomicReference<>();
    private final AtomicReference<BlockingQueue<?>> queue = new AtomicReference<>();
    private volatile int queueCapacity;

    public LoaderMetrics(MeterRegistry registry) {
        counter(registry, "logflow.loader.lines.read", "lines read from Flume's files", linesRead);
        counter(registry, "logflow.loader.bytes.read", "bytes of complete lines read", bytesRead);
        counter(registry, "logflow.loader.inserted", "event documents inserted", inserted);
        counter(registry, "logflow.loader.duplicates", "events refused as already stored", duplicates);
        counter(registry, "logflow.loader.dead.letters", "lines written to dead_letters", deadLetters);
        counter(registry, "logflow.loader.empty.lines", "empty lines skipped", emptyLines);
        counter(registry, "logflow.loader.batches", "batches committed", batches);
        counter(registry, "logflow.loader.batched.lines", "lines in committed batches", batchedLines);
        counter(registry, "logflow.loader.files.deleted", "loaded files deleted by retention", filesDeleted);
        counter(registry, "logflow.loader.truncated.files", "files that shrank below their checkpoint", truncatedFiles);
        counter(registry, "logflow.loader.vanished.files", "files gone before they were fully loaded", vanishedFiles);
        counter(registry, "logflow.loader.recoveries", "pending batches finished at start-up", recoveries);
        counter(registry, "logflow.loader.retries", "batch writes retried after an error", retries);
        gauge(registry, "logflow.loader.lag.bytes", "bytes in Flume's files not yet stored", lagBytes);
        gauge(registry, "logflow.loader.batch.last.size", "lines in the last committed batch", lastBatchSize);
        gauge(registry, "logflow.loader.batch.max.size", "most lines in one committed batch", maxBatchSize);
        Gauge.builder("logflow.loader.queue.depth", this, LoaderMetrics::queueDepth)
                .description("parsed batches waiting for the writer")
                .register(registry);
        Gauge.builder("logflow.loader.queue.capacity", this, m -> m.queueCapacity)
                .description("most parsed batches that can wait for the writer")
                .register(registry);
    }

    /** Reports on the batch queue of the running loop; a new loop replaces the previous one's. */
    void watchQueue(BlockingQueue<?> batches, int capacity) {
        queueCapacity = capacity;
        queue.set(batches);
    }

    private int queueDepth() {
        BlockingQueue<?> current = queue.get();
        return current == null ? 0 : current.size();
    }

    private static void counter(MeterRegistry registry, String name, String help, AtomicLong value) {
        FunctionCounter.builder(name, value, AtomicLong::doubleValue)
                .description(help)
                .register(registry);
    }

    private static void gauge(MeterRegistry registry, String name, String help, AtomicLong value) {
        Gauge.builder(name, value, AtomicLong::doubleValue).description(help).register(registry);
    }

    void batchCommitted(int lines) {
        batches.incrementAndGet();
        batchedLines.addAndGet(lines);
        lastBatchSize.set(lines);
        maxBatchSize.accumulateAndGet(lines, Math::max);
    }

    /** A snapshot of every counter for the status endpoint. */
    public LoaderStatus snapshot(String loaderId, String directory, boolean running) {
        long count = batches.get();
        double mean = count == 0 ? 0 : (double) batchedLines.get() / count;
        return new LoaderStatus(
                loaderId,
                directory,
                running,
                linesRead.get(),
                bytesRead.get(),
                inserted.get(),
                duplicates.get(),
                deadLetters.get(),
                emptyLines.get(),
                new LoaderStatus.Batches(count, lastBatchSize.get(), mean, maxBatchSize.get()),
                lagBytes.get(),
                currentFile.get(),
                filesDeleted.get(),
                truncatedFiles.get(),
                vanishedFiles.get(),
                recoveries.get(),
                retries.get(),
                new LoaderStatus.Queue(queueDepth(), queueCapacity));
    }
}
