package dev.logflow.generator.service;

import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FlumeSender;
import dev.logflow.generator.client.Offer;
import dev.logflow.generator.client.OutboundLine;
import dev.logflow.generator.model.LogEvent;
import dev.logflow.generator.model.RunState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * One generation run on its own thread: generates events at the target rate, hands them to its sender, and after the
 * last event keeps the sender open until Flume acknowledged everything, so a finished or stopped run loses nothing.
 * Sequence numbers come from the source-wide counter and advance only for events the sender accepted, so stopping
 * leaves no gap.
 */
final class GenerationRun {

    private static final Logger LOG = Logger.getLogger(GenerationRun.class);
    /** How long one offer waits for room before the loop looks at the stop flag again. */
    private static final long OFFER_WAIT_MILLIS = 100;

    private static final Duration DRAIN_CHECK = Duration.ofSeconds(1);
    private static final long JOIN_MILLIS = 5_000;
    private static final double NANOS_PER_SECOND = 1e9;

    private final EventGenerator generator;
    private final EventJsonWriter json = new EventJsonWriter();
    private final FlumeSender sender;
    private final DeliveryCounters counters;
    private final AtomicLong sequence;
    private final Long total;
    private final Duration drainTimeout;
    private final Pacer pacer;
    private final RateMeter meter = new RateMeter();
    private final CountDownLatch generationEnded = new CountDownLatch(1);
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile long generated;
    private volatile RunState state = RunState.RUNNING;
    private volatile boolean stopRequested;
    private volatile boolean closing;
    private boolean warnedRejected;

    GenerationRun(
            EventGenerator generator,
            FlumeSender sender,
            DeliveryCounters counters,
            AtomicLong sequence,
            double rate,
            Long total,
            Duration drainTimeout) {
        this.generator = generator;
        this.sender = sender;
        this.counters = counters;
        this.sequence = sequence;
        this.total = total;
        this.drainTimeout = drainTimeout;
        this.pacer = new Pacer(rate);
        this.thread = new Thread(this::run, "logflow-generator");
        this.thread.setDaemon(true);
    }

    void start() {
        LOG.infof("Generation run started: rate %s events/s, total %s", describeRate(pacer.rate()), describe(total));
        thread.start();
    }

    /** Stops generating and waits briefly for the loop to notice; delivery of what was generated goes on. */
    void stop() {
        stopRequested = true;
        try {
            generationEnded.await(JOIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops generating; the sender then closes within its drain timeout. Used when the service shuts down. */
    void requestClose() {
        closing = true;
        stopRequested = true;
        thread.interrupt();
    }

    /** Waits for the run's thread to end after {@link #requestClose()}. */
    void awaitClosed() {
        try {
            thread.join(JOIN_MILLIS + drainTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void setRate(double rate) {
        pacer.setRate(rate);
    }

    double rate() {
        return pacer.rate();
    }

    RunState state() {
        return state;
    }

    Long total() {
        return total;
    }

    long generated() {
        return generated;
    }

    DeliveryCounters counters() {
        return counters;
    }

    long inFlight() {
        return sender.pending();
    }

    /** Whether the thread is still generating or delivering. */
    boolean alive() {
        return thread.isAlive();
    }

    /** Events per second from the start until now, or until generation ended. */
    double achievedRate() {
        long end = state == RunState.RUNNING ? System.nanoTime() : endNanos;
        long elapsed = end - startNanos;
        return elapsed <= 0 ? 0 : generated * NANOS_PER_SECOND / elapsed;
    }

    /** Events per second over the last few seconds; 0 once generation ended. */
    double recentRate() {
        return state == RunState.RUNNING ? meter.rate(System.nanoTime(), generated) : 0;
    }

    private void run() {
        try {
            generateAll();
        } catch (InterruptedException e) {
            // Only requestClose() interrupts; the flag is not restored so the bounded drain below still runs.
            LOG.debug("Generation interrupted by shutdown");
        } catch (RuntimeException e) {
            LOG.error("Generation run failed", e);
        } finally {
            endGeneration();
        }
        deliverRest();
    }

    private void generateAll() throws InterruptedException {
        while (!stopRequested && !reachedTotal()) {
            long now = System.nanoTime();
            meter.record(now, generated);
            long due = Math.min(pacer.due(now, generated), remaining());
            if (due <= 0) {
                LockSupport.parkNanos(Pacer.SLICE_NANOS);
                continue;
            }
            for (long i = 0; i < due; i++) {
                if (!generateOne()) {
                    return;
                }
            }
        }
    }

    /** Generates and hands over the next event; false when the run must end. */
    private boolean generateOne() throws InterruptedException {
        long seq = sequence.get() + 1;
        LogEvent event = generator.next(seq);
        byte[] line = json.write(event).getBytes(StandardCharsets.UTF_8);
        Offer offer = offer(OutboundLine.of(line, seq));
        if (offer == Offer.REJECTED_TOO_LONG) {
            warnRejected(seq, line.length);
        } else if (offer != Offer.ACCEPTED) {
            return false;
        }
        sequence.set(seq);
        generated++;
        return true;
    }

    private Offer offer(OutboundLine line) throws InterruptedException {
        Offer offer = Offer.TIMED_OUT;
        while (offer == Offer.TIMED_OUT && !stopRequested) {
            offer = sender.offer(line, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        return offer;
    }

    private void warnRejected(long seq, int bytes) {
        if (!warnedRejected) {
            warnedRejected = true;
            LOG.warnf("Generated event %d (%d bytes) exceeds logflow.generator.max-line-length; rejected", seq, bytes);
        }
    }

    private boolean reachedTotal() {
        return total != null && generated >= total;
    }

    private long remaining() {
        return total == null ? Long.MAX_VALUE : total - generated;
    }

    private void endGeneration() {
        endNanos = System.nanoTime();
        state = reachedTotal() ? RunState.COMPLETED : RunState.STOPPED;
        generationEnded.countDown();
        LOG.infof(
                "Generation run %s after %d events (%.1f events/s); waiting for Flume to acknowledge %d lines",
                state, generated, achievedRate(), sender.pending());
    }

    private void deliverRest() {
        try {
            while (!closing && !sender.awaitDrained(DRAIN_CHECK)) {
                LOG.debugf("Still waiting for Flume to acknowledge %d lines", sender.pending());
            }
        } catch (InterruptedException e) {
            // requestClose() cut the open-ended wait short; the bounded drain of sender.close follows.
            LOG.debug("Waiting for acknowledgements interrupted by shutdown");
        }
        // requestClose() interrupts to end open-ended waits; clear it so the bounded drain below is not cut short.
        Thread.interrupted();
        sender.close(closing ? drainTimeout : Duration.ZERO);
        LOG.infof(
                "Generation run delivered: sent %d, acked %d, failed %d, resent %d, rejected %d",
                counters.sent(), counters.acked(), counters.failed(), counters.resent(), counters.rejected());
    }

    private static String describeRate(double rate) {
        return rate <= 0 ? "unlimited" : String.valueOf(rate);
    }

    private static String describe(Long total) {
        return total == null ? "unlimited" : String.valueOf(total);
    }
}
