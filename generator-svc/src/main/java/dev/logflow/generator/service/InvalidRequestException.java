package dev.logflow.generator.service;

/** A request the service cannot act on as asked; the REST layer answers 400 with the message. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
