package dev.logflow.generator.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesTheDelayUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        long[] millis = new long[9];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = Duration.ofNanos(backoff.nextNanos()).toMillis();
        }
        assertEquals("[100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]", Arrays.toString(millis));
    }
}
