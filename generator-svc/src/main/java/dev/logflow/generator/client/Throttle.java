package dev.logflow.generator.client;

import java.time.Duration;

/**
 * Slows one connection down while Flume keeps answering {@code FAILED} (its channel is full) and lifts the brake at
 * the first {@code OK}.
 *
 * <p>After a {@code FAILED} answer the connection waits a pause that doubles with every further {@code FAILED}, up to
 * a cap, and then sends one line at a time: the next line goes out only once the previous one was answered, so a full
 * channel is probed instead of flooded. Thread-safe: the answer reader reports, the writer asks how long to wait.
 */
final class Throttle {

    private final Backoff backoff;
    private long resumeAtNanos;
    private long pauseNanos;
    /** Volatile so the reader's check on every {@code OK} costs no lock while the connection runs at full speed. */
    private volatile boolean engaged;

    Throttle(Duration minPause, Duration maxPause) {
        this.backoff = new Backoff(minPause, maxPause);
    }

    /**
     * Flume refused a line: pause longer than last time.
     *
     * @return true when this answer engaged the throttle (the connection ran at full speed until now)
     */
    synchronized boolean onFailed(long nowNanos) {
        boolean engagedNow = !engaged;
        engaged = true;
        pauseNanos = backoff.nextNanos();
        resumeAtNanos = nowNanos + pauseNanos;
        return engagedNow;
    }

    /**
     * Flume accepted a line: back to full speed.
     *
     * @return true when this answer released the throttle
     */
    boolean onOk() {
        return engaged && release();
    }

    private synchronized boolean release() {
        if (!engaged) {
            return false;
        }
        engaged = false;
        pauseNanos = 0;
        backoff.reset();
        return true;
    }

    /**
     * How long the writer must wait before it sends the next line: 0 at full speed; otherwise the rest of the pause,
     * or {@code pollNanos} while an earlier line still waits for its answer.
     */
    long waitNanos(long nowNanos, boolean linesInFlight, long pollNanos) {
        return engaged ? slowedWaitNanos(nowNanos, linesInFlight, pollNanos) : 0;
    }

    private synchronized long slowedWaitNanos(long nowNanos, boolean linesInFlight, long pollNanos) {
        if (!engaged) {
            return 0;
        }
        long rest = resumeAtNanos - nowNanos;
        if (rest > 0) {
            return rest;
        }
        return linesInFlight ? pollNanos : 0;
    }

    /** Whether the connection is slowed down now. */
    boolean engaged() {
        return engaged;
    }

    /** The pause chosen after the latest {@code FAILED} answer; 0 at full speed. */
    synchronized long pauseNanos() {
        return pauseNanos;
    }
}
