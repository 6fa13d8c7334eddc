package dev.logflow.loader.service;

import com.mongodb.MongoException;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * A number read from MongoDB at most once per {@code ttlNanos}, for gauges: a burst of scrapes costs one query. A
 * failed read keeps the last value (NaN before the first success) and is retried only after the same period, so a
 * MongoDB outage never turns every scrape into a blocking call.
 */
final class CachedReading {

    private static final Logger LOG = Logger.getLogger(CachedReading.class);

    private final String what;
    private final LongSupplier read;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private double value = Double.NaN;
    private long readAtNanos;
    private boolean attempted;
    private boolean warned;

    CachedReading(String what, LongSupplier read, long ttlNanos, LongSupplier nanoTime) {
        this.what = what;
        this.read = read;
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    synchronized double get() {
        long now = nanoTime.getAsLong();
        if (attempted && now - readAtNanos < ttlNanos) {
            return value;
        }
        attempted = true;
        readAtNanos = now;
        try {
            value = read.getAsLong();
            warned = false;
        } catch (MongoException e) {
            // A scrape must not fail: show the last value and try again after the period.
            if (!warned) {
                LOG.warnf("Could not read %s (%s); the gauge keeps its last value", what, e.getMessage());
                warned = true;
            }
        }
        return value;
    }
}
