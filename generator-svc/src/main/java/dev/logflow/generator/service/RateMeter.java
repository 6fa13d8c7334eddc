package dev.logflow.generator.service;

/**
 * Recent rate of a growing count: keeps one sample per second for the last few seconds. The generating thread records,
 * the status request reads.
 */
final class RateMeter {

    private static final long SAMPLE_INTERVAL_NANOS = 1_000_000_000L;
    /** Samples kept: the recent rate spans up to this many seconds. */
    private static final int SAMPLES = 5;

    private static final double NANOS_PER_SECOND = 1e9;

    private final long[] times = new long[SAMPLES];
    private final long[] counts = new long[SAMPLES];
    private int newest = -1;
    private int size;

    /** Records the count, at most once per second. */
    synchronized void record(long nowNanos, long count) {
        if (size > 0 && nowNanos - times[newest] < SAMPLE_INTERVAL_NANOS) {
            return;
        }
        newest = (newest + 1) % SAMPLES;
        times[newest] = nowNanos;
        counts[newest] = count;
        size = Math.min(SAMPLES, size + 1);
    }

    /**
     * Events per second from the oldest sample of the last few seconds until now (from the newest sample when all are
     * older, so a stall reads as a falling rate); 0 without samples.
     */
    synchronized double rate(long nowNanos, long count) {
        if (size == 0) {
            return 0;
        }
        int from = newest;
        for (int age = size - 1; age > 0; age--) {
            int index = (newest - age + SAMPLES) % SAMPLES;
            if (nowNanos - times[index] <= SAMPLES * SAMPLE_INTERVAL_NANOS) {
                from = index;
                break;
            }
        }
        long elapsed = nowNanos - times[from];
        return elapsed <= 0 ? 0 : (count - counts[from]) * NANOS_PER_SECOND / elapsed;
    }
}
