package dev.logflow.loader.service;

/** Short sleeps for the loop threads, which never get interrupted: they watch their running flag instead. */
final class Sleeper {

    /** Longest single sleep, so a stop request is noticed within this time. */
    static final long TICK_MILLIS = 100;

    private Sleeper() {}

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
