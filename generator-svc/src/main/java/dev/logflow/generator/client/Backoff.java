package dev.logflow.generator.client;

import java.time.Duration;

/** Exponential delays between attempts (reconnects, resends), doubling from a minimum up to a cap. */
final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    private long nextNanos;

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = Math.max(minNanos, max.toNanos());
        this.nextNanos = minNanos;
    }

    /** The delay to wait now; the following one is twice as long, up to the cap. */
    long nextNanos() {
        long current = nextNanos;
        nextNanos = Math.min(maxNanos, current * 2);
        return current;
    }

    /** Starts again from the minimum, after an attempt succeeded. */
    void reset() {
        nextNanos = minNanos;
    }
}
