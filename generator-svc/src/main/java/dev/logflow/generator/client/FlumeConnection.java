package dev.logflow.generator.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One TCP connection to Flume's netcat source that never loses a line it accepted.
 *
 * <p>A writer thread sends queued lines through a buffer that is flushed whenever the queue runs empty; a reader
 * thread per socket consumes Flume's answers at the same time, one {@code OK} or {@code FAILED: ...} per line in
 * order, because a sender that stops reading blocks Flume, which then stops reading too. At most {@code maxInFlight}
 * lines are accepted and unacknowledged at a time. A {@code FAILED} line (Flume's channel is full) is resent, never
 * dropped, and the connection slows down until Flume accepts lines again (see {@link Throttle}); when the connection
 * breaks, or stays silent with lines in flight for {@code ackTimeout}, it is reopened with exponential back-off and
 * every unacknowledged line is sent again (the loader drops duplicates by id).
 */
public final class FlumeConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FlumeConnection.class);
    /** How long the idle writer waits for a line before it looks at the session and the stop flag again. */
    private static final long IDLE_POLL_MILLIS = 50;
    /** How often a slowed-down writer looks again whether its probe line was answered. */
    private static final long THROTTLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** A channel on the edge of full refuses a line now and then; slowing down is logged at most this often. */
    private static final long SLOW_DOWN_LOG_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Read timeout of the answer stream; bounds how late the ack watchdog notices a silent Flume. */
    private static final int READ_POLL_MILLIS = 250;

    private static final int WRITE_BUFFER_BYTES = 64 * 1024;
    private static final int READ_BUFFER_BYTES = 8 * 1024;
    /** Longer answers are cut; Flume's longest is a sentence. */
    private static final int MAX_ANSWER_BYTES = 1024;

    private static final long JOIN_MILLIS = 2_000;
    private static final long DRAIN_POLL_MILLIS = 5;
    private static final String FAILED_PREFIX = "FAILED";
    /** Part of Flume's answer to a line over its own max-line-length; resending such a line can never succeed. */
    private static final String TOO_LONG_MARKER = "maximum length";

    private final String name;
    private final SenderSettings settings;
    private final DeliveryCounters counters;
    private final Semaphore window;
    private final Throttle throttle;
    private final LinkedBlockingDeque<OutboundLine> outbound = new LinkedBlockingDeque<>();
    private final ConcurrentLinkedDeque<OutboundLine> inFlight = new ConcurrentLinkedDeque<>();
    private final Thread writer;
    private volatile boolean accepting = true;
    private volatile boolean stopped;
    private volatile Session session;
    private volatile long lastAnswerNanos;
    private long lastSlowDownLogNanos;
    private boolean slowDownLogged;

    /** A connection named {@code name} in logs; call {@link #start()} before offering lines. */
    public FlumeConnection(String name, SenderSettings settings, DeliveryCounters counters) {
        this.name = name;
        this.settings = settings;
        this.counters = counters;
        this.window = new Semaphore(settings.maxInFlight());
        this.throttle = new Throttle(settings.failedRetryDelay(), settings.failedRetryMaxDelay());
        this.writer = new Thread(this::runWriter, "logflow-flume-" + name);
        this.writer.setDaemon(true);
    }

    /** Starts the writer; the socket itself opens lazily when the first line arrives. */
    public FlumeConnection start() {
        writer.start();
        return this;
    }

    /**
     * Queues a line, waiting up to the timeout for room in the in-flight window.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Offer offer(OutboundLine line, long timeout, TimeUnit unit) throws InterruptedException {
        if (!accepting) {
            return Offer.CLOSED;
        }
        if (!settings.fits(line.bytes().length)) {
            counters.onRejected();
            return Offer.REJECTED_TOO_LONG;
        }
        if (!window.tryAcquire(timeout, unit)) {
            return Offer.TIMED_OUT;
        }
        outbound.addLast(line);
        return Offer.ACCEPTED;
    }

    /** Lines accepted and not yet acknowledged (queued, in flight or waiting to be resent). */
    public int pending() {
        return settings.maxInFlight() - window.availablePermits();
    }

    /** Whether a socket is open right now. */
    public boolean connected() {
        Session current = session;
        return current != null && !current.broken;
    }

    /** Whether Flume's {@code FAILED} answers have slowed this connection down right now. */
    public boolean throttled() {
        return throttle.engaged();
    }

    /** Waits until every accepted line is acknowledged; returns false when the timeout passed first. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(DRAIN_POLL_MILLIS);
        }
        return true;
    }

    /** Refuses further lines; lines already accepted are still delivered. */
    public void stopAccepting() {
        accepting = false;
    }

    /** Closes after waiting up to the configured drain timeout for acknowledgements. */
    @Override
    public void close() {
        close(settings.drainTimeout());
    }

    /** Stops accepting, waits up to {@code drainTimeout} for acknowledgements, then closes the socket and threads. */
    public void close(Duration drainTimeout) {
        stopAccepting();
        try {
            awaitDrained(drainTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped = true;
        Session current = session;
        if (current != null) {
            current.markBroken("closing");
        }
        writer.interrupt();
        joinQuietly(writer);
        if (throttle.onOk()) {
            counters.onFullSpeed();
        }
        int left = pending();
        if (left > 0) {
            LOG.warnf("Connection %s to Flume %s closed with %d lines not acknowledged", name, address(), left);
        }
    }

    private void runWriter() {
        try {
            while (!stopped) {
                OutboundLine line = nextLine();
                if (line != null) {
                    deliver(line);
                } else if (session != null && session.broken) {
                    tearDown(session);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Session current = session;
            if (current != null) {
                flush(current);
                current.markBroken("closed");
                current.joinReader();
            }
        }
    }

    private OutboundLine nextLine() throws InterruptedException {
        OutboundLine line = outbound.pollFirst();
        if (line == null) {
            Session current = session;
            if (current != null) {
                flush(current);
            }
            line = outbound.pollFirst(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return line;
    }

    private void deliver(OutboundLine line) throws InterruptedException {
        Session current = session;
        if (current != null && current.broken) {
            outbound.addFirst(line);
            tearDown(current);
            return;
        }
        if (current == null) {
            current = connect();
            if (current == null) {
                outbound.addFirst(line);
                return;
            }
        }
        awaitThrottle(current);
        if (current.broken) {
            outbound.addFirst(line);
            tearDown(current);
            return;
        }
        write(current, line);
    }

    private void write(Session current, OutboundLine line) {
        if (inFlight.isEmpty()) {
            // The ack watchdog measures silence from the moment something is waiting for an answer.
            lastAnswerNanos = System.nanoTime();
        }
        inFlight.addLast(line);
        if (!line.resend()) {
            counters.onSent();
        }
        try {
            current.out.write(line.bytes());
            current.out.write('\n');
        } catch (IOException e) {
            current.markBroken(e.toString());
        }
    }

    private void flush(Session current) {
        try {
            current.out.flush();
        } catch (IOException e) {
            current.markBroken(e.toString());
        }
    }

    /** While slowed down: waits out the pause, then until the previous line was answered (or the session broke). */
    private void awaitThrottle(Session current) throws InterruptedException {
        long wait = throttle.waitNanos(System.nanoTime(), !inFlight.isEmpty(), THROTTLE_POLL_NANOS);
        while (wait > 0 && !current.broken) {
            flush(current);
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS)));
            wait = throttle.waitNanos(System.nanoTime(), !inFlight.isEmpty(), THROTTLE_POLL_NANOS);
        }
    }

    private Session connect() throws InterruptedException {
        Backoff backoff = new Backoff(settings.reconnectMinDelay(), settings.reconnectMaxDelay());
        int attempts = 0;
        while (!stopped) {
            try {
                Session opened = openSession();
                logConnected(attempts);
                return opened;
            } catch (IOException e) {
                attempts++;
                counters.onConnectError();
                logConnectFailure(attempts, e);
                TimeUnit.NANOSECONDS.sleep(backoff.nextNanos());
            }
        }
        return null;
    }

    private void logConnected(int failedAttempts) {
        if (failedAttempts == 0) {
            LOG.infof("Connection %s to Flume %s open", name, address());
        } else {
            LOG.infof("Connection %s to Flume %s open after %d failed attempts", name, address(), failedAttempts);
        }
    }

    private void logConnectFailure(int attempts, IOException e) {
        if (attempts == 1) {
            LOG.warnf("Connection %s cannot reach Flume %s (%s); retrying with back-off", name, address(), e);
        } else {
            LOG.debugf("Connection %s: attempt %d to reach Flume %s failed (%s)", name, attempts, address(), e);
        }
    }

    private Session openSession() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), (int)
                    settings.connectTimeout().toMillis());
            socket.setSoTimeout(READ_POLL_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        Session opened = new Session(socket);
        lastAnswerNanos = System.nanoTime();
        session = opened;
        opened.reader.start();
        return opened;
    }

    /** Closes a broken session and queues its unacknowledged lines again, in their original order. */
    private void tearDown(Session broken) {
        session = null;
        broken.markBroken(broken.reason);
        broken.joinReader();
        List<OutboundLine> unacked = new ArrayList<>(inFlight);
        inFlight.clear();
        for (int i = unacked.size() - 1; i >= 0; i--) {
            outbound.addFirst(unacked.get(i).asResend());
        }
        counters.onResent(unacked.size());
        if (!stopped) {
            LOG.warnf(
                    "Connection %s to Flume %s lost (%s); %d unacknowledged lines will be resent",
                    name, address(), broken.reason, unacked.size());
        }
    }

    private void readAnswers(Session current) {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        byte[] answer = new byte[MAX_ANSWER_BYTES];
        int length = 0;
        while (!current.broken) {
            int read = readChunk(current, buffer);
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    onAnswer(answer, length);
                    length = 0;
                } else if (length < MAX_ANSWER_BYTES) {
                    answer[length++] = buffer[i];
                }
            }
        }
    }

    /** Reads what Flume sent; 0 on a read timeout, and marks the session broken at end of stream or on error. */
    private int readChunk(Session current, byte[] buffer) {
        try {
            int read = current.in.read(buffer);
            if (read < 0) {
                current.markBroken("closed by Flume");
                return 0;
            }
            return read;
        } catch (SocketTimeoutException e) {
            checkSilence(current);
            return 0;
        } catch (IOException e) {
            current.markBroken(e.toString());
            return 0;
        }
    }

    private void checkSilence(Session current) {
        long silentNanos = System.nanoTime() - lastAnswerNanos;
        if (!inFlight.isEmpty() && silentNanos > settings.ackTimeout().toNanos()) {
            current.markBroken("no answer for " + settings.ackTimeout());
        }
    }

    private void onAnswer(byte[] answer, int length) {
        lastAnswerNanos = System.nanoTime();
        if (length >= 2 && answer[0] == 'O' && answer[1] == 'K') {
            onOk();
            return;
        }
        String text = new String(answer, 0, length, StandardCharsets.UTF_8).strip();
        if (text.startsWith(FAILED_PREFIX)) {
            onFailed(text);
        } else {
            LOG.debugf("Connection %s ignores an unexpected answer from Flume (%d bytes)", name, length);
        }
    }

    private void onOk() {
        OutboundLine line = inFlight.pollFirst();
        if (line == null) {
            LOG.warnf("Connection %s got an OK from Flume with no line in flight", name);
            return;
        }
        counters.onAcked();
        window.release();
        if (throttle.onOk()) {
            counters.onFullSpeed();
            logFullSpeed();
        }
    }

    private void onFailed(String text) {
        // Only this reader removes lines from inFlight while the session lives, so peeking first is safe.
        OutboundLine line = inFlight.peekFirst();
        if (line == null) {
            LOG.warnf("Connection %s got a FAILED answer with no line in flight: %s", name, text);
            return;
        }
        counters.onFailed();
        if (text.contains(TOO_LONG_MARKER)) {
            inFlight.pollFirst();
            dropTooLong(line, text);
            return;
        }
        LOG.debugf("Connection %s: Flume refused line %d (%s); resending it", name, line.reference(), text);
        // The new pause is set before the line leaves inFlight, or the writer could send the next probe at once.
        slowDown(text);
        inFlight.pollFirst();
        counters.onResent(1);
        outbound.addFirst(line.asResend());
    }

    private void slowDown(String text) {
        long now = System.nanoTime();
        if (throttle.onFailed(now)) {
            counters.onSlowedDown();
            logSlowDown(now, text);
        }
        counters.onPause(throttle.pauseNanos());
    }

    /** Called by the answer reader only. */
    private void logSlowDown(long now, String text) {
        slowDownLogged = lastSlowDownLogNanos == 0 || now - lastSlowDownLogNanos > SLOW_DOWN_LOG_NANOS;
        if (slowDownLogged) {
            lastSlowDownLogNanos = now;
            LOG.warnf(
                    "Connection %s: Flume refuses lines (%s); slowing down and resending them until it accepts again",
                    name, text);
        } else {
            LOG.debugf("Connection %s: Flume refuses lines again; slowing down", name);
        }
    }

    private void logFullSpeed() {
        if (slowDownLogged) {
            LOG.infof("Connection %s: Flume accepts lines again; back to full speed", name);
        } else {
            LOG.debugf("Connection %s: back to full speed", name);
        }
    }

    private void dropTooLong(OutboundLine line, String text) {
        counters.onRejected();
        window.release();
        LOG.warnf(
                "Flume refused line %d (%d bytes) as too long (%s): its netcat max-line-length is below "
                        + "logflow.generator.max-line-length=%d; the line is counted as rejected",
                line.reference(), line.bytes().length, text, settings.maxLineLength());
    }

    private String address() {
        return settings.address();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One socket with its buffered output and its answer reader. */
    private final class Session {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final Thread reader;
        private volatile boolean broken;
        private volatile String reason;

        private Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER_BYTES);
            this.in = socket.getInputStream();
            this.reader = new Thread(() -> readAnswers(this), "logflow-flume-" + name + "-acks");
            this.reader.setDaemon(true);
        }

        /** Marks the session unusable and closes the socket, which also unblocks a writer stuck in a write. */
        private void markBroken(String why) {
            if (!broken) {
                reason = why;
                broken = true;
            }
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debugf("Closing the socket of connection %s failed: %s", name, e);
            }
        }

        private void joinReader() {
            if (Thread.currentThread() != reader) {
                joinQuietly(reader);
            }
        }
    }
}
