package dev.logflow.generator.client;

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
}
