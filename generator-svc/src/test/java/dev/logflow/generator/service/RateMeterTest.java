package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void measuresTheRateOverTheLastSeconds() {
        RateMeter meter = new RateMeter();
        for (int s = 0; s <= 10; s++) {
            meter.record(s * SECOND, s * 200L);
        }
        assertEquals(200, meter.rate(10 * SECOND, 2_000), 0.001);
    }

    @Test
    void readsZeroAfterAStall() {
        RateMeter meter = new RateMeter();
        meter.record(0, 0);
        meter.record(SECOND, 1_000);
        assertEquals(0, meter.rate(20 * SECOND, 1_000), 0.001);
    }

    @Test
    void readsZeroWithoutSamples() {
        assertEquals(0, new RateMeter().rate(SECOND, 5), 0.001);
    }
}
