package dev.logflow.generator.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what a sender did; every increment is passed on to an optional parent, so a run's or a replay's counters
 * also feed the process-wide totals behind the metrics.
 */
public final class DeliveryCounters {

    private final DeliveryCounters parent;
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder resent = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder connectErrors = new LongAdder();
    private final LongAdder backOffs = new LongAdder();
    private final LongAdder throttledConnections = new LongAdder();
    private final AtomicLong maxPauseNanos = new AtomicLong();

    /** Counters without a parent. */
    public DeliveryCounters() {
        this(null);
    }

    /** Counters that also count into {@code parent} (may be null). */
    public DeliveryCounters(DeliveryCounters parent) {
        this.parent = parent;
    }

    /** A line was written for the first time. */
    public void onSent() {
        sent.increment();
        if (parent != null) {
            parent.onSent();
        }
    }

    /** Flume answered {@code OK} for a line. */
    public void onAcked() {
        acked.increment();
        if (parent != null) {
            parent.onAcked();
        }
    }

    /** Flume answered {@code FAILED} for a line. */
    public void onFailed() {
        failed.increment();
        if (parent != null) {
            parent.onFailed();
        }
    }

    /** {@code lines} lines are queued to be written again. */
    public void onResent(long lines) {
        resent.add(lines);
        if (parent != null) {
            parent.onResent(lines);
        }
    }

    /** A line was refused and will never be sent. */
    public void onRejected() {
        rejected.increment();
        if (parent != null) {
            parent.onRejected();
        }
    }

    /** A connection attempt failed. */
    public void onConnectError() {
        connectErrors.increment();
        if (parent != null) {
            parent.onConnectError();
        }
    }

    /** A connection started to slow down because Flume answered {@code FAILED}. */
    public void onSlowedDown() {
        backOffs.increment();
        throttledConnections.increment();
        if (parent != null) {
            parent.onSlowedDown();
        }
    }

    /** A slowed-down connection is back to full speed, or closed. */
    public void onFullSpeed() {
        throttledConnections.decrement();
        if (parent != null) {
            parent.onFullSpeed();
        }
    }

    /** A connection pauses {@code nanos} before it resends a refused line. */
    public void onPause(long nanos) {
        maxPauseNanos.accumulateAndGet(nanos, Math::max);
        if (parent != null) {
            parent.onPause(nanos);
        }
    }

    public long sent() {
        return sent.sum();
    }

    public long acked() {
        return acked.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long resent() {
        return resent.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long connectErrors() {
        return connectErrors.sum();
    }

    /** Times a connection started to slow down. */
    public long backOffs() {
        return backOffs.sum();
    }

    /** Connections slowed down right now. */
    public long throttledConnections() {
        return throttledConnections.sum();
    }

    /** Longest pause a connection took after a {@code FAILED} answer. */
    public long maxPauseMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxPauseNanos.get());
    }
}
