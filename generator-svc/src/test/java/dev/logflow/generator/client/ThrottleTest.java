package dev.logflow.generator.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long POLL = 5 * MS;

    private final Throttle throttle = new Throttle(Duration.ofMillis(100), Duration.ofMillis(400));

    @Test
    void runsAtFullSpeedUntilFlumeRefusesALine() {
        assertFalse(throttle.engaged());
        assertEquals(0, throttle.waitNanos(0, true, POLL));
    }

    @Test
    void doublesThePauseWithEveryFailedAnswerUpToTheCap() {
        assertTrue(throttle.onFailed(0), "the first FAILED engages the throttle");
        assertEquals(100 * MS, throttle.pauseNanos());
        assertFalse(throttle.onFailed(0), "further FAILED answers keep it engaged");
        assertEquals(200 * MS, throttle.pauseNanos());
        throttle.onFailed(0);
        throttle.onFailed(0);
        assertEquals(400 * MS, throttle.pauseNanos());
        throttle.onFailed(0);
        assertEquals(400 * MS, throttle.pauseNanos());
    }

    @Test
    void waitsOutThePauseThenForTheAnswerToTheLineInFlight() {
        throttle.onFailed(1_000 * MS);

        assertEquals(60 * MS, throttle.waitNanos(1_040 * MS, false, POLL));
        assertEquals(POLL, throttle.waitNanos(1_100 * MS, true, POLL), "one line at a time while slowed down");
        assertEquals(0, throttle.waitNanos(1_100 * MS, false, POLL), "the next probe may go");
    }

    @Test
    void anOkRestoresFullSpeedAndTheShortestPause() {
        throttle.onFailed(0);
        throttle.onFailed(0);

        assertTrue(throttle.onOk(), "the first OK releases the throttle");
        assertFalse(throttle.onOk(), "later OKs change nothing");
        assertFalse(throttle.engaged());
        assertEquals(0, throttle.waitNanos(0, true, POLL));
        throttle.onFailed(0);
        assertEquals(100 * MS, throttle.pauseNanos(), "a new refusal starts from the shortest pause again");
    }
}
