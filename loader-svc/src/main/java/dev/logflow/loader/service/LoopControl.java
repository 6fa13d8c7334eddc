package dev.logflow.loader.service;

import java.util.concurrent.atomic.AtomicLong;

/** The running flag and heartbeats shared by the threads of one run of the load loop. */
final class LoopControl {

    private volatile boolean running = true;
    private volatile boolean writerStarted;
    private final AtomicLong readerBeat = new AtomicLong(System.nanoTime());
    private final AtomicLong writerBeat = new AtomicLong(System.nanoTime());

    boolean running() {
        return running;
    }

    void stop() {
        running = false;
    }

    void readerBeat() {
        readerBeat.set(System.nanoTime());
    }

    void writerBeat() {
        writerBeat.set(System.nanoTime());
    }

    /** The writer thread starts now: from here on its heartbeat counts too. */
    void writerStarted() {
        writerBeat.set(System.nanoTime());
        writerStarted = true;
    }

    /**
     * Nanoseconds since the less recent of the two heartbeats; before the writer started (start-up still waiting
     * for MongoDB) only the reader's, which the start-up retries beat.
     */
    long stalledNanos() {
        long oldest = writerStarted ? Math.min(readerBeat.get(), writerBeat.get()) : readerBeat.get();
        return System.nanoTime() - oldest;
    }
}
