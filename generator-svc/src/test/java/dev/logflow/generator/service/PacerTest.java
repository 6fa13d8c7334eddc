package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheTargetRateOverASecondOfSlices() {
        Pacer pacer = new Pacer(500);
        long generated = 0;
        for (long now = 0; now <= SECOND; now += Pacer.SLICE_NANOS) {
            generated += pacer.due(now, generated);
        }
        assertEquals(500, generated);
    }

    @Test
    void spreadsALowRateOverTime() {
        Pacer pacer = new Pacer(2);
        long generated = 0;
        for (long now = 0; now < SECOND / 2; now += Pacer.SLICE_NANOS) {
            generated += pacer.due(now, generated);
        }
        assertEquals(0, generated);
        assertEquals(1, pacer.due(SECOND / 2, generated));
    }

    @Test
    void forgivesDebtOlderThanASecondAfterAStall() {
        Pacer pacer = new Pacer(1_000);
        pacer.due(0, 0);
        assertEquals(1_000, pacer.due(10 * SECOND, 0));
    }

    @Test
    void generatesInBatchesWhenTheRateIsUnlimited() {
        assertEquals(Pacer.UNLIMITED_BATCH, new Pacer(0).due(0, 0));
        assertEquals(Pacer.UNLIMITED_BATCH, new Pacer(-1).due(0, 0));
    }

    @Test
    void appliesANewRateFromTheMomentItIsSet() {
        Pacer pacer = new Pacer(100);
        long generated = pacer.due(0, 0) + pacer.due(SECOND, 0);
        pacer.setRate(10);
        assertEquals(0, pacer.due(SECOND, generated));
        assertEquals(10, pacer.due(2 * SECOND, generated));
    }

    @Test
    void takesALowerRateWithinOneBurstAfterAHugeOne() {
        Pacer pacer = new Pacer(1e12);
        pacer.due(0, 0);
        long burst = pacer.due(Pacer.SLICE_NANOS, 0);
        pacer.setRate(50);
        assertEquals(Pacer.MAX_BURST, burst);
        assertEquals(0, pacer.due(2 * Pacer.SLICE_NANOS, burst));
        assertEquals(50, pacer.due(2 * Pacer.SLICE_NANOS + SECOND, burst));
    }
}
