package dev.logflow.generator.service;

import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FlumeConnection;
import dev.logflow.generator.client.Offer;
import dev.logflow.generator.client.OutboundLine;
import dev.logflow.generator.model.ReplayState;
import dev.logflow.generator.model.ReplayStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Replays one log file line by line through its own Flume connection. Empty lines are skipped; lines too long for
 * Flume or not valid UTF-8 are rejected with a warning naming the line number, because Flume would close the
 * connection on them and lose the lines around them. The replay is DONE once every sent line is acknowledged.
 */
final class Replay implements LineSplitter.Handler {

    private static final Logger LOG = Logger.getLogger(Replay.class);
    private static final long OFFER_WAIT_MILLIS = 100;
    private static final Duration DRAIN_CHECK = Duration.ofSeconds(1);
    private static final long JOIN_MILLIS = 5_000;
    /** Most line numbers of rejected lines a status lists; the counters go on beyond them. */
    static final int MAX_LISTED_REJECTIONS = 100;

    private final String id;
    private final Path file;
    private final FlumeConnection connection;
    private final DeliveryCounters counters;
    private final int maxLineBytes;
    private final Duration drainTimeout;
    private final Utf8 utf8 = new Utf8();
    private final Thread thread;
    private final List<Long> rejectedLines = new CopyOnWriteArrayList<>();
    private volatile long linesRead;
    private volatile long skippedEmpty;
    private volatile long rejectedTooLong;
    private volatile long rejectedInvalidUtf8;
    private volatile ReplayState state = ReplayState.RUNNING;
    private volatile String error;
    private volatile boolean closing;

    Replay(
            String id,
            Path file,
            FlumeConnection connection,
            DeliveryCounters counters,
            int maxLineBytes,
            Duration drainTimeout) {
        this.id = id;
        this.file = file;
        this.connection = connection;
        this.counters = counters;
        this.maxLineBytes = maxLineBytes;
        this.drainTimeout = drainTimeout;
        this.thread = new Thread(this::run, "logflow-replay-" + id);
        this.thread.setDaemon(true);
    }

    void start() {
        LOG.infof("Replay %s of %s started", id, file);
        thread.start();
    }

    /** Stops reading; the connection then closes within its drain timeout. Used when the service shuts down. */
    void requestClose() {
        closing = true;
        thread.interrupt();
    }

    /** Waits for the replay thread to end after {@link #requestClose()}. */
    void awaitClosed() {
        try {
            thread.join(JOIN_MILLIS + drainTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    ReplayStatus status() {
        ReplayState current = state;
        return new ReplayStatus(
                id,
                file.toString(),
                current,
                current.done(),
                linesRead,
                counters.sent(),
                counters.acked(),
                counters.failed(),
                counters.resent(),
                counters.rejected(),
                rejectedTooLong,
                rejectedInvalidUtf8,
                List.copyOf(rejectedLines),
                skippedEmpty,
                counters.connectErrors(),
                error);
    }

    @Override
    public void line(long number, byte[] bytes, int length) throws InterruptedException {
        linesRead++;
        if (length == 0) {
            skippedEmpty++;
        } else if (!utf8.isValid(bytes, 0, length)) {
            rejectInvalidUtf8(number);
        } else {
            send(OutboundLine.of(Arrays.copyOf(bytes, length), number));
        }
    }

    @Override
    public void tooLong(long number, long length) {
        linesRead++;
        rejectedTooLong++;
        counters.onRejected();
        listRejected(number);
        LOG.warnf(
                "Replay %s: line %d of %s has %d bytes, more than logflow.generator.max-line-length allows; not sent",
                id, number, file, length);
    }

    @Override
    public boolean cancelled() {
        return closing;
    }

    private void rejectInvalidUtf8(long number) {
        rejectedInvalidUtf8++;
        counters.onRejected();
        listRejected(number);
        LOG.warnf("Replay %s: line %d of %s is not valid UTF-8; not sent", id, number, file);
    }

    private void send(OutboundLine line) throws InterruptedException {
        Offer offer = Offer.TIMED_OUT;
        while (offer == Offer.TIMED_OUT && !closing) {
            offer = connection.offer(line, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        if (offer == Offer.REJECTED_TOO_LONG) {
            rejectedTooLong++;
            listRejected(line.reference());
            LOG.warnf(
                    "Replay %s: line %d of %s is too long for the Flume connection; not sent",
                    id, line.reference(), file);
        }
    }

    private void listRejected(long number) {
        if (rejectedLines.size() < MAX_LISTED_REJECTIONS) {
            rejectedLines.add(number);
        }
    }

    private void run() {
        readFile();
        waitForAcknowledgements();
        // requestClose() interrupts to end open-ended waits; clear it so the bounded drain below is not cut short.
        Thread.interrupted();
        connection.close(closing ? drainTimeout : Duration.ZERO);
        finish();
    }

    private void readFile() {
        try (InputStream in = Files.newInputStream(file)) {
            new LineSplitter(maxLineBytes).split(in, this);
        } catch (IOException e) {
            if (closing) {
                LOG.debugf("Replay %s: reading stopped by shutdown (%s)", id, e);
                return;
            }
            error = "reading " + file + " failed after " + linesRead + " lines: " + e;
            LOG.errorf(e, "Replay %s: reading %s failed after %d lines", id, file, linesRead);
        } catch (InterruptedException e) {
            // Only requestClose() interrupts; the flag is not restored so the bounded drain still runs.
            LOG.debugf("Replay %s interrupted by shutdown", id);
        }
    }

    private void waitForAcknowledgements() {
        try {
            while (!closing && !connection.awaitDrained(DRAIN_CHECK)) {
                LOG.debugf("Replay %s waits for Flume to acknowledge %d lines", id, connection.pending());
            }
        } catch (InterruptedException e) {
            LOG.debugf("Replay %s: waiting for acknowledgements interrupted by shutdown", id);
        }
    }

    private void finish() {
        int unacked = connection.pending();
        if (error == null && (closing || unacked > 0)) {
            error = "service stopped before the replay ended; " + unacked + " lines not acknowledged";
        }
        state = error == null ? ReplayState.DONE : ReplayState.FAILED;
        LOG.infof(
                "Replay %s of %s %s: %d lines read, %d sent, %d acked, %d rejected, %d empty skipped",
                id, file, state, linesRead, counters.sent(), counters.acked(), counters.rejected(), skippedEmpty);
    }
}
