package dev.logflow.generator.service;

/**
 * Paces generation in time slices: tells the generating thread how many events are due now for the target rate, so it
 * generates them in one burst and then sleeps one slice, instead of sleeping per event. Debt older than a second is
 * forgiven, so a stall (Flume back-pressure) is not followed by a flood. The rate may change at any time from another
 * thread; everything else runs on the generating thread.
 */
final class Pacer {

    /** Length of one slice. */
    static final long SLICE_NANOS = 10_000_000L;
    /** Events generated in one go when the rate is unlimited, between checks for stop. */
    static final int UNLIMITED_BATCH = 1024;
    /** Most events handed out at once at any rate, so a new rate or a stop takes effect within one burst. */
    static final int MAX_BURST = UNLIMITED_BATCH;

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MAX_DEBT_SECONDS = 1;

    private volatile double rate;
    private double pacedRate = Double.NaN;
    private long baseNanos;
    private long baseCount;

    Pacer(double rate) {
        this.rate = rate;
    }

    /** Sets a new target; 0 or negative means unlimited. */
    void setRate(double rate) {
        this.rate = rate;
    }

    double rate() {
        return rate;
    }

    /** Events due at {@code nowNanos} when {@code count} were generated so far; 0 means sleep a slice. */
    long due(long nowNanos, long count) {
        double target = rate;
        if (target != pacedRate) {
            restart(target, nowNanos, count);
        }
        if (target <= 0) {
            return UNLIMITED_BATCH;
        }
        long due = (long) ((nowNanos - baseNanos) / NANOS_PER_SECOND * target) - (count - baseCount);
        long maxDebt = (long) Math.max(1, target * MAX_DEBT_SECONDS);
        if (due > maxDebt) {
            restart(target, nowNanos - (long) (MAX_DEBT_SECONDS * NANOS_PER_SECOND), count);
            due = maxDebt;
        }
        return Math.min(due, MAX_BURST);
    }

    private void restart(double target, long nowNanos, long count) {
        pacedRate = target;
        baseNanos = nowNanos;
        baseCount = count;
    }
}
