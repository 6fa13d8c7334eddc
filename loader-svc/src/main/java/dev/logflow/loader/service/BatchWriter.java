package dev.logflow.loader.service;

import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.BatchCommitter;
import dev.logflow.loader.store.CommitResult;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The writer thread: takes ready batches in order and commits each before the next, so checkpoints move forward one
 * batch at a time while the reader parses ahead.
 */
final class BatchWriter implements Runnable {

    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private final String loaderId;
    private final BlockingQueue<Batch> queue;
    private final BatchCommitter committer;
    private final CommittedFiles committed;
    private final LoaderMetrics metrics;
    private final Retrier retrier;
    private final LoopControl control;
    private final long pollMillis;
    private long lastSeq;

    BatchWriter(
            String loaderId,
            long lastSeq,
            BlockingQueue<Batch> queue,
            BatchCommitter committer,
            CommittedFiles committed,
            LoaderMetrics metrics,
            Retrier retrier,
            LoopControl control,
            Duration poll) {
        this.loaderId = loaderId;
        this.lastSeq = lastSeq;
        this.queue = queue;
        this.committer = committer;
        this.committed = committed;
        this.metrics = metrics;
        this.retrier = retrier;
        this.control = control;
        this.pollMillis = poll.toMillis();
    }

    @Override
    public void run() {
        LOG.infof("Writer of loader %s started after batch %d", loaderId, lastSeq);
        try {
            while (control.running()) {
                control.writerBeat();
                Batch batch = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    write(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Retrier.Stopped e) {
            LOG.info("Writer stopped during a retry; the batch is finished by the next start");
        }
        LOG.infof("Writer of loader %s stopped after batch %d", loaderId, lastSeq);
    }

    private void write(Batch batch) {
        long seq = batch.hasWrites() ? ++lastSeq : lastSeq;
        CommitResult result = retrier.run(
                "Writing batch " + seq + " of " + batch.file(),
                // A batch without writes takes no seq of its own: its retry has no stored delta to re-apply.
                attempt -> committer.commit(loaderId, batch, seq, attempt > 0 && batch.hasWrites()));
        metrics.inserted.addAndGet(result.inserted());
        metrics.duplicates.addAndGet(result.duplicates());
        metrics.deadLetters.addAndGet(result.deadLetters());
        metrics.batchCommitted(batch.lines());
        // Counters before the offset, which the lag is measured from: a status that shows no lag shows every count.
        committed.commit(batch.file(), batch.end(), batch.lastOfFile());
        LOG.debugf(
                "Batch %d: %s [%d, %d) %d inserted, %d duplicates, %d dead letters%s",
                seq,
                batch.file(),
                batch.start(),
                batch.end(),
                result.inserted(),
                result.duplicates(),
                result.deadLetters(),
                batch.lastOfFile() ? ", file complete" : "");
    }
}
