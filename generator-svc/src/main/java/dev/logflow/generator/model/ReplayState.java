package dev.logflow.generator.model;

/** Life cycle of a replay. */
public enum ReplayState {
    /** Reading the file and sending its lines. */
    RUNNING,
    /** Every line was read and every sent line acknowledged. */
    DONE,
    /** The file could not be read to the end, or the service stopped before everything was acknowledged. */
    FAILED;

    /** Whether the replay has ended, successfully or not. */
    public boolean done() {
        return this != RUNNING;
    }
}
