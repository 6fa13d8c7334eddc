package dev.logflow.loader.service;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Repeats a MongoDB step (or a file re-read) with exponential backoff until it succeeds or the loader stops. Every
 * step it repeats is idempotent; a hand-written loop because it must run forever yet end promptly at shutdown.
 */
final class Retrier {

    private static final Logger LOG = Logger.getLogger(Retrier.class);

    /** Thrown when the loader stopped while a step was still failing: its work is abandoned, safely. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("loader stopped", null, false, false);
        }
    }

    /** A step that may fail with a MongoDB error. */
    @FunctionalInterface
    interface Step<T> {
        T run(int attempt);
    }

    private final Duration initial;
    private final Duration max;
    private final BooleanSupplier running;
    private final Runnable heartbeat;
    private final LoaderMetrics metrics;

    Retrier(Duration initial, Duration max, BooleanSupplier running, Runnable heartbeat, LoaderMetrics metrics) {
        this.initial = initial;
        this.max = max;
        this.running = running;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
    }

    <T> T run(String what, Step<T> step) {
        long waitMillis = initial.toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return step.run(attempt);
            } catch (Stopped e) {
                throw e;
            } catch (RuntimeException e) {
                // Mostly MongoDB errors (connection, timeout); anything else is retried too rather than skipping data.
                if (!running.getAsBoolean()) {
                    throw new Stopped();
                }
                metrics.retries.incrementAndGet();
                LOG.warnf(
                        "%s failed (%s: %s); retrying in %d ms",
                        what, e.getClass().getSimpleName(), e.getMessage(), waitMillis);
                pause(waitMillis);
                waitMillis = Math.min(waitMillis * 2, max.toMillis());
            }
        }
    }

    private void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (running.getAsBoolean() && System.currentTimeMillis() < until) {
            heartbeat.run();
            Sleeper.sleep(Math.min(millis, Sleeper.TICK_MILLIS));
        }
        if (!running.getAsBoolean()) {
            throw new Stopped();
        }
    }
}
