package dev.logflow.loader.rest;

/** A request the API cannot serve as sent; its message says why and becomes the 400 answer. */
public class InvalidRequestException extends RuntimeException {

    /** @param message what is wrong, written for the person who sent the request */
    public InvalidRequestException(String message) {
        super(message);
    }
}
