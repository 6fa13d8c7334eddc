package dev.logflow.loader.service;

import dev.logflow.loader.follow.LineReader;
import dev.logflow.loader.model.LoaderState;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.BatchCommitter;
import dev.logflow.loader.store.CheckpointStore;
import dev.logflow.loader.store.CommitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * Finishes the batch a previous run left pending: re-reads its byte range, inserts again (what was stored is a
 * duplicate), counts the rollups and source stats from every event carrying the batch id and commits the checkpoint.
 * When the file is gone or shrank below the batch's start, the counts of what the batch stored before the crash are
 * still applied.
 */
final class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class);

    private final Path directory;
    private final LineCollector collector;
    private final LineReader reader;
    private final BatchCommitter committer;
    private final CheckpointStore checkpoints;
    private final LoaderMetrics metrics;

    Recovery(
            Path directory,
            LineCollector unboundedCollector,
            int readBufferBytes,
            BatchCommitter committer,
            CheckpointStore checkpoints,
            LoaderMetrics metrics) {
        this.directory = directory;
        this.collector = unboundedCollector;
        this.reader = new LineReader(readBufferBytes, unboundedCollector.headBytes());
        this.committer = committer;
        this.checkpoints = checkpoints;
        this.metrics = metrics;
    }

    /** Finishes {@code state.pending}, if any. */
    void recover(LoaderState state) {
        LoaderState.Pending pending = state.pending;
        if (pending == null) {
            return;
        }
        Path file = directory.resolve(pending.file);
        if (!Files.isRegularFile(file)) {
            // The events the crashed attempt stored are in MongoDB: their counts must still reach the rollups and
            // the source stats.
            int alreadyApplied = committer.applyStoredRollups(state.id, pending.seq);
            LOG.warnf(
                    "Pending batch %d refers to %s, which is gone; applied the rollups and source stats of what it"
                            + " stored (%d keys had them already) and cleared it",
                    pending.seq, pending.file, alreadyApplied);
        } else {
            CommitResult result = committer.commit(state.id, reread(file, pending), pending.seq, true);
            metrics.inserted.addAndGet(result.inserted());
            metrics.duplicates.addAndGet(result.duplicates());
            metrics.deadLetters.addAndGet(result.deadLetters());
            LOG.infof("Recovered pending batch %d: %s [%d, %d)", pending.seq, pending.file, pending.start, pending.end);
        }
        checkpoints.finish(state.id);
        metrics.recoveries.incrementAndGet();
    }

    private Batch reread(Path file, LoaderState.Pending pending) {
        Batch batch = new Batch(pending.file, pending.start);
        collector.into(batch);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = reader.read(channel, pending.start, pending.end, collector);
            if (end < pending.end) {
                collector.truncatedFinalLine(
                        reader.readHead(channel, end, pending.end, collector.headBytes()), end, pending.end - end);
            }
            return batch.seenSize(channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading " + pending.file, e);
        }
    }
}
