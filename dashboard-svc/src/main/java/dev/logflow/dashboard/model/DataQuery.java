package dev.logflow.dashboard.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A validated question to the rollups: the window {@code [from, to)} aligned to whole buckets, the bucket size and
 * the optional filters ({@code null} means all).
 *
 * @param from first bucket start, inclusive
 * @param to end of the last bucket, exclusive
 * @param bucket length of one point of the series: one minute, or more for long windows
 * @param service only this service, or {@code null}
 * @param level only this level, or {@code null}
 * @param sliding the window's length when it ends now (no {@code from} or {@code to} given), else {@code null}
 */
public record DataQuery(Instant from, Instant to, Duration bucket, String service, Level level, Duration sliding) {

    /**
     * What an answer to this query can be reused for: the same window and filters, or for a window that ends now,
     * "the last {@code sliding}" with the same filters whatever the time, so a new minute does not start cold.
     *
     * @return the key of this query's answer
     */
    public DataQuery answerKey() {
        return sliding == null ? this : new DataQuery(null, null, bucket, service, level, sliding);
    }

    /** @return how many points the series of this query has */
    public long points() {
        return Duration.between(from, to).dividedBy(bucket);
    }
}
