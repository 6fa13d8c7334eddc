package dev.logflow.loader.service;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.follow.FlumeDirectory;
import dev.logflow.loader.follow.FlumeFile;
import dev.logflow.loader.follow.LineReader;
import dev.logflow.loader.store.Batch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The reader thread: follows Flume's directory oldest file first, reads complete lines only, parses them into
 * batches and hands full (or old enough) batches to the writer through a bounded queue.
 *
 * <p>A file is finished when a newer file exists and everything up to its size is read; trailing bytes without a
 * {@code \n} in such a file are dead-lettered once they have stayed unchanged for the grace period.
 */
final class FileFollower implements Runnable {

    private static final Logger LOG = Logger.getLogger(FileFollower.class);

    /** The reader's position in one file, ahead of what the writer committed. */
    private static final class Cursor {
        long offset;
        boolean complete;
        long partialOffset = -1;
        long partialSinceNanos;
    }

    private final LoaderConfig config;
    private final FlumeDirectory directory;
    private final LineCollector collector;
    private final LineReader reader;
    private final BlockingQueue<Batch> queue;
    private final CommittedFiles committed;
    private final Retention retention;
    private final LoaderMetrics metrics;
    private final LoopControl control;
    private final Map<String, Cursor> cursors = new HashMap<>();
    private Batch current;
    private String currentName;
    private long lagMeasuredNanos;

    FileFollower(
            LoaderConfig config,
            FlumeDirectory directory,
            LineCollector collector,
            BlockingQueue<Batch> queue,
            CommittedFiles committed,
            LoaderMetrics metrics,
            LoopControl control) {
        this.config = config;
        this.directory = directory;
        this.collector = collector;
        this.reader = new LineReader(config.readBufferBytes(), collector.headBytes());
        this.queue = queue;
        this.committed = committed;
        this.retention = new Retention(config, committed, metrics);
        this.metrics = metrics;
        this.control = control;
    }

    @Override
    public void run() {
        LOG.infof("Following %s", directory.path());
        while (control.running()) {
            control.readerBeat();
            if (!stepSafely()) {
                Sleeper.sleep(config.pollInterval().toMillis());
            }
        }
        LOG.infof("Stopped following %s", directory.path());
    }

    private boolean stepSafely() {
        try {
            return step();
        } catch (IOException e) {
            LOG.warnf("Reading %s failed (%s); trying again", directory.path(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("Unexpected error in the reader; trying again", e);
        }
        return false;
    }

    /** One look at the directory; true when lines were read or a file was finished. */
    private boolean step() throws IOException {
        List<FlumeFile> files = directory.list();
        setLag(files);
        retention.sweep(files);
        forgetGone(files);
        FlumeFile file =
                files.stream().filter(f -> !cursor(f).complete).findFirst().orElse(null);
        if (file == null) {
            flushIfDue();
            return false;
        }
        currentName = file.name();
        metrics.currentFile.set(file.name());
        Cursor cursor = cursor(file);
        if (file.size() < cursor.offset) {
            truncated(file, cursor);
            return true;
        }
        long before = cursor.offset;
        if (file.size() > cursor.offset) {
            readLines(file, cursor);
        }
        boolean hasNewer = !file.equals(files.get(files.size() - 1));
        if (hasNewer && finishIfDone(file, cursor)) {
            return true;
        }
        flushIfDue();
        return cursor.offset > before;
    }

    private void readLines(FlumeFile file, Cursor cursor) throws IOException {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            while (control.running()) {
                collector.into(batchAt(file.name(), cursor.offset));
                cursor.offset = reader.read(channel, cursor.offset, file.size(), collector);
                current.seenSize(file.size());
                if (!collector.full()) {
                    return;
                }
                flush();
            }
        } catch (NoSuchFileException e) {
            LOG.debugf("%s disappeared while being read", file.name());
        }
    }

    /** Finishes a file that has a newer sibling once everything in it is read; false while waiting for bytes. */
    private boolean finishIfDone(FlumeFile file, Cursor cursor) throws IOException {
        if (file.size() > cursor.offset) {
            if (cursor.partialOffset != cursor.offset) {
                cursor.partialOffset = cursor.offset;
                cursor.partialSinceNanos = System.nanoTime();
                return false;
            }
            if (System.nanoTime() - cursor.partialSinceNanos
                    < config.truncatedLineGrace().toNanos()) {
                return false;
            }
            deadLetterRemainder(file, cursor);
        }
        batchAt(file.name(), cursor.offset).closeFile(file.size());
        flush();
        cursor.complete = true;
        LOG.debugf("Finished reading %s (%d bytes)", file.name(), file.size());
        return true;
    }

    private void deadLetterRemainder(FlumeFile file, Cursor cursor) throws IOException {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            long length = file.size() - cursor.offset;
            byte[] head = reader.readHead(channel, cursor.offset, file.size(), collector.headBytes());
            LOG.warnf(
                    "%s ends with %d bytes without a newline although a newer file exists; dead-lettering them",
                    file.name(), length);
            collector.into(batchAt(file.name(), cursor.offset));
            collector.truncatedFinalLine(head, cursor.offset, length);
            cursor.offset += length;
        }
    }

    private void truncated(FlumeFile file, Cursor cursor) {
        metrics.truncatedFiles.incrementAndGet();
        LOG.warnf(
                "%s shrank to %d bytes, below the %d already loaded; skipping the rest of it",
                file.name(), file.size(), cursor.offset);
        batchAt(file.name(), cursor.offset).closeFile(file.size());
        flush();
        cursor.complete = true;
    }

    /** Forgets files no longer listed; one that vanished before it was fully read is counted and reported. */
    private void forgetGone(List<FlumeFile> files) {
        Set<String> names = files.stream().map(FlumeFile::name).collect(Collectors.toSet());
        if (currentName != null && !names.contains(currentName)) {
            Cursor cursor = cursors.get(currentName);
            if (cursor != null && !cursor.complete) {
                metrics.vanishedFiles.incrementAndGet();
                LOG.warnf("%s disappeared after %d bytes were read; moving on", currentName, cursor.offset);
                flushIfAny();
            }
            currentName = null;
        }
        cursors.keySet().removeIf(name -> !names.contains(name));
    }

    private Cursor cursor(FlumeFile file) {
        return cursors.computeIfAbsent(file.name(), name -> {
            Cursor cursor = new Cursor();
            cursor.offset = committed.of(name).offset();
            cursor.complete = committed.of(name).complete();
            return cursor;
        });
    }

    private long lag(List<FlumeFile> files) {
        return files.stream()
                .mapToLong(f -> Math.max(0, f.size() - committed.of(f.name()).offset()))
                .sum();
    }

    /** The batch lines of {@code file} from {@code offset} go into, after flushing one of another file. */
    private Batch batchAt(String file, long offset) {
        if (current != null && !current.file().equals(file)) {
            flushIfAny();
        }
        if (current == null) {
            current = new Batch(file, offset);
        }
        return current;
    }

    private void flushIfDue() {
        if (current != null && current.ageNanos() >= config.batchMaxDelay().toNanos()) {
            flushIfAny();
        }
    }

    private void flushIfAny() {
        if (current != null && current.end() > current.start()) {
            flush();
        }
        current = null;
    }

    private void setLag(List<FlumeFile> files) {
        metrics.lagBytes.set(lag(files));
        lagMeasuredNanos = System.nanoTime();
    }

    /**
     * Measures the lag again if it is older than a poll interval: one step can read a large file for minutes, or
     * wait for room in the queue while MongoDB is slow, and the lag must still show how far behind the loader is.
     */
    private void refreshLagIfDue() {
        if (System.nanoTime() - lagMeasuredNanos < config.pollInterval().toNanos()) {
            return;
        }
        try {
            setLag(directory.list());
        } catch (IOException e) {
            LOG.debugf("Listing %s to measure the lag failed (%s); keeping the last value", directory.path(), e);
        }
    }

    /** Hands the current batch to the writer, waiting for room; abandoned (safely) when the loop stops. */
    private void flush() {
        try {
            refreshLagIfDue();
            while (control.running()
                    && !queue.offer(current, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                control.readerBeat();
                refreshLagIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current = null;
    }
}
