package dev.logflow.generator.service;

/** A request that clashes with the current state, such as starting a run while one is running; answered with 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
