package dev.logflow.loader.parse;

import java.time.Instant;

/**
 * The event times the loader stores: years 0000 to 9999. MongoDB's date operators ({@code $dateToString},
 * {@code $year}, ...) and the rollup keys handle these four-digit years only; beyond them lies nothing a log line
 * means, and past about year 292,000,000 not even a BSON date.
 */
final class EventTime {

    /** Reason of a time outside the stored years, after the field's name. */
    static final String OUT_OF_RANGE = "is out of range (years 0000 to 9999)";

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private EventTime() {}

    /** Whether {@code time} is in the stored years. */
    static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
