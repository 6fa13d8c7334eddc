package dev.logflow.generator.model;

/** Life cycle of a generation run. */
public enum RunState {
    /** Generating events. */
    RUNNING,
    /** Stopped on request, or never started. */
    STOPPED,
    /** Generated its total; lines may still await their acknowledgement. */
    COMPLETED
}
