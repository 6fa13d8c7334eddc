package dev.logflow.generator.client;

/** Outcome of handing a line to a connection. */
public enum Offer {
    /** Queued; it will be sent and acknowledged or resent. */
    ACCEPTED,
    /** Longer than the maximum line length; counted as rejected and never sent. */
    REJECTED_TOO_LONG,
    /** The in-flight window stayed full for the whole timeout; try again. */
    TIMED_OUT,
    /** The connection is closing and takes no more lines. */
    CLOSED
}
