package dev.logflow.generator.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spreads lines over several {@link FlumeConnection}s for throughput. Consecutive lines go to the same connection in
 * runs of {@value #LINES_PER_TURN}, so each writer fills its buffer instead of flushing after every line.
 */
public final class FlumeSender implements AutoCloseable {

    static final int LINES_PER_TURN = 256;

    private final List<FlumeConnection> connections;
    private final AtomicLong offered = new AtomicLong();

    private FlumeSender(List<FlumeConnection> connections) {
        this.connections = connections;
    }

    /** Opens {@code count} connections named {@code <name>-<n>}, all counting into {@code counters}. */
    public static FlumeSender start(String name, SenderSettings settings, int count, DeliveryCounters counters) {
        List<FlumeConnection> connections = new ArrayList<>();
        for (int i = 1; i <= Math.max(1, count); i++) {
            connections.add(new FlumeConnection(name + "-" + i, settings, counters).start());
        }
        return new FlumeSender(List.copyOf(connections));
    }

    /**
     * Hands a line to the connection whose turn it is, or to any other with room, waiting up to the timeout when every
     * window is full.
     */
    public Offer offer(OutboundLine line, long timeout, TimeUnit unit) throws InterruptedException {
        int size = connections.size();
        int first = (int) ((offered.getAndIncrement() / LINES_PER_TURN) % size);
        for (int i = 0; i < size; i++) {
            Offer offer = connections.get((first + i) % size).offer(line, 0, unit);
            if (offer != Offer.TIMED_OUT) {
                return offer;
            }
        }
        return connections.get(first).offer(line, timeout, unit);
    }

    /** Lines accepted and not yet acknowledged, over all connections. */
    public long pending() {
        long pending = 0;
        for (FlumeConnection connection : connections) {
            pending += connection.pending();
        }
        return pending;
    }

    /** Waits until every accepted line is acknowledged; false when the timeout passed first. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (FlumeConnection connection : connections) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!connection.awaitDrained(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Closes every connection after one shared drain period. */
    public void close(Duration drainTimeout) {
        connections.forEach(FlumeConnection::stopAccepting);
        try {
            awaitDrained(drainTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(connection -> connection.close(Duration.ZERO));
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
