package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UtcMillisFormatterTest {

    private final UtcMillisFormatter formatter = new UtcMillisFormatter();

    @Test
    void keepsThreeFractionDigitsOnAWholeSecond() {
        assertEquals("2026-12-03T18:04:05.000Z", format("2026-12-03T18:04:05Z"));
    }

    @Test
    void formatsMillisecondsWithLeadingZeros() {
        assertEquals("2026-12-03T18:04:05.007Z", format("2026-12-03T18:04:05.007Z"));
        assertEquals("2026-12-03T18:04:05.123Z", format("2026-12-03T18:04:05.123Z"));
    }

    @Test
    void movesOnWhenTheSecondChanges() {
        format("2026-12-03T23:59:59.999Z");
        assertEquals("2026-12-04T00:00:00.001Z", format("2026-12-04T00:00:00.001Z"));
    }

    private String format(String instant) {
        return formatter.format(Instant.parse(instant).toEpochMilli());
    }
}
