package dev.logflow.loader.service;

import java.util.concurrent.atomic.AtomicLong;

/** The running flag and heartbeats shared by the threads of one run of the load loop. */
final class LoopControl {

    private volatile boolean running = true;
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

    /** Nanoseconds since the less recent of the two heartbeats. */
    long stalledNanos() {
        return System.nanoTime() - Math.min(readerBeat.get(), writerBeat.get());
    }
}
