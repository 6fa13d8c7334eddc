package dev.logflow.loader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

    private static final long TTL = 1_000;

    private final AtomicLong clock = new AtomicLong(5_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong stored = new AtomicLong(3);
    private volatile boolean mongoDown;

    private final CachedReading reading = new CachedReading(
            "test",
            () -> {
                reads.incrementAndGet();
                if (mongoDown) {
                    throw new MongoTimeoutException("down");
                }
                return stored.get();
            },
            TTL,
            clock::get);

    @Test
    void aBurstOfScrapesWithinThePeriodCostsOneRead() {
        assertEquals(3.0, reading.get());
        stored.set(7);
        clock.addAndGet(TTL - 1);

        assertEquals(3.0, reading.get());
        assertEquals(3.0, reading.get());
        assertEquals(1, reads.get());
    }

    @Test
    void readsAgainOnceThePeriodIsOver() {
        reading.get();
        stored.set(7);
        clock.addAndGet(TTL);

        assertEquals(7.0, reading.get());
        assertEquals(2, reads.get());
    }

    @Test
    void keepsTheLastValueWhileMongoIsDownAndRetriesOnlyAfterThePeriod() {
        reading.get();
        mongoDown = true;
        clock.addAndGet(TTL);

        assertEquals(3.0, reading.get());
        assertEquals(3.0, reading.get());
        assertEquals(2, reads.get());

        mongoDown = false;
        stored.set(4);
        clock.addAndGet(TTL);
        assertEquals(4.0, reading.get());
    }

    @Test
    void showsNotANumberUntilTheFirstReadSucceeds() {
        mongoDown = true;

        assertTrue(Double.isNaN(reading.get()));
    }
}
