package dev.logflow.loader.service;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.config.LoaderConfigCheck;
import dev.logflow.loader.follow.FlumeDirectory;
import dev.logflow.loader.model.LoaderState;
import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.BatchCommitter;
import dev.logflow.loader.store.CheckpointStore;
import dev.logflow.loader.store.DeadLetterFactory;
import dev.logflow.loader.store.IndexInitializer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jboss.logging.Logger;

/**
 * The load loop: at start it ensures the indexes, finishes a pending batch, loads the checkpoints, then runs a
 * reader thread (follow, read, parse) and a writer thread (commit batches in order) joined by a bounded queue.
 */
@ApplicationScoped
public class LoadLoop {

    private static final Logger LOG = Logger.getLogger(LoadLoop.class);

    private final LoaderConfig config;
    private final BatchCommitter committer;
    private final CheckpointStore checkpoints;
    private final IndexInitializer indexes;
    private final LoaderMetrics metrics;
    private final LineParser parser;
    private volatile Run run;

    public LoadLoop(
            LoaderConfig config,
            BatchCommitter committer,
            CheckpointStore checkpoints,
            IndexInitializer indexes,
            LoaderMetrics metrics) {
        LoaderConfigCheck.check(config);
        this.config = config;
        this.committer = committer;
        this.checkpoints = checkpoints;
        this.indexes = indexes;
        this.metrics = metrics;
        this.parser = new LineParser(config.apacheService());
    }

    /** Starts the loop unless it runs already. */
    public synchronized void start() {
        if (run != null && run.control.running()) {
            return;
        }
        run = new Run();
        run.reader.start();
    }

    /** Stops the loop: the batch being written is finished or abandoned (its pending mark repairs it later). */
    public synchronized void stop() {
        if (run == null) {
            return;
        }
        run.control.stop();
        join(run.reader);
        if (run.writer != null) {
            join(run.writer);
        }
        LOG.info("Load loop stopped");
    }

    /** Whether the loop runs. */
    public boolean running() {
        Run current = run;
        return current != null && current.control.running() && current.reader.isAlive();
    }

    /** Whether both loop threads are alive and reported progress or an idle poll within the stall timeout. */
    public boolean alive() {
        Run current = run;
        if (current == null || !current.reader.isAlive()) {
            return false;
        }
        boolean writerOk = current.writer == null || current.writer.isAlive();
        return writerOk
                && current.control.stalledNanos() < config.stallTimeout().toNanos();
    }

    private void join(Thread thread) {
        try {
            thread.join(config.shutdownTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("%s did not stop within %s; abandoning it", thread.getName(), config.shutdownTimeout());
        }
    }

    /** One run of the loop, from start to stop: its own threads, queue and state. */
    private final class Run {
        final LoopControl control = new LoopControl();
        final Thread reader = new Thread(this::main, "logflow-loader-reader");
        volatile Thread writer;

        void main() {
            Retrier retrier = new Retrier(
                    config.retryInitialBackoff(),
                    config.retryMaxBackoff(),
                    control::running,
                    control::readerBeat,
                    metrics);
            try {
                retrier.run("Creating indexes", attempt -> {
                    indexes.ensureIndexes();
                    return null;
                });
                LoaderState state = retrier.run("Recovering the pending batch", attempt -> recover());
                CommittedFiles committed = new CommittedFiles(
                        retrier.run("Loading checkpoints", a -> checkpoints.checkpoints(config.id())));
                follow(state.batchSeq, committed);
            } catch (Retrier.Stopped e) {
                LOG.info("Stopped before the loop started");
            }
        }

        private LoaderState recover() {
            LoaderState state = checkpoints.state(config.id());
            recovery().recover(state);
            return checkpoints.state(config.id());
        }

        private void follow(long lastSeq, CommittedFiles committed) {
            BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(config.queueCapacity());
            metrics.watchQueue(queue, config.queueCapacity());
            Retrier retrier = new Retrier(
                    config.retryInitialBackoff(),
                    config.retryMaxBackoff(),
                    control::running,
                    control::writerBeat,
                    metrics);
            writer = new Thread(
                    new BatchWriter(
                            config.id(),
                            lastSeq,
                            queue,
                            committer,
                            committed,
                            metrics,
                            retrier,
                            control,
                            config.pollInterval()),
                    "logflow-loader-writer");
            control.writerStarted();
            writer.start();
            LOG.infof("Loader %s started on %s", config.id(), config.directory());
            LineCollector collector = collector(config.batchSize(), config.batchBytes());
            FlumeDirectory directory = new FlumeDirectory(Path.of(config.directory()), config.filePrefix());
            new FileFollower(config, directory, collector, queue, committed, metrics, control).run();
        }

        private Recovery recovery() {
            LineCollector unbounded = collector(Integer.MAX_VALUE, Long.MAX_VALUE);
            return new Recovery(
                    Path.of(config.directory()), unbounded, config.readBufferBytes(), committer, checkpoints, metrics);
        }

        private LineCollector collector(int maxLines, long maxBytes) {
            return new LineCollector(
                    parser::parse, new DeadLetterFactory(config.maxRawBytes()), metrics, maxLines, maxBytes);
        }
    }
}
