package dev.logflow.generator.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch milliseconds as {@code 2026-12-03T18:04:05.123Z}, always with three fraction digits (unlike
 * {@link DateTimeFormatter#ISO_INSTANT}, which drops them on a whole second). The part up to the seconds is cached, so
 * a busy generator formats it once per second. Not thread-safe.
 */
final class UtcMillisFormatter {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MILLIS_PER_SECOND = 1000;
    private static final int HUNDRED = 100;
    private static final int TEN = 10;

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, MILLIS_PER_SECOND);
        int millis = (int) Math.floorMod(epochMillis, MILLIS_PER_SECOND);
        if (second != cachedSecond) {
            cachedPrefix = SECONDS.format(Instant.ofEpochSecond(second));
            cachedSecond = second;
        }
        return new StringBuilder(cachedPrefix.length() + 5)
                .append(cachedPrefix)
                .append('.')
                .append((char) ('0' + millis / HUNDRED))
                .append((char) ('0' + millis / TEN % TEN))
                .append((char) ('0' + millis % TEN))
                .append('Z')
                .toString();
    }
}
