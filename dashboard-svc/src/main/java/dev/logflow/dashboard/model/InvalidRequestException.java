package dev.logflow.dashboard.model;

/** A request parameter that cannot be used; its message says which one and why, and becomes the 400 answer. */
public class InvalidRequestException extends RuntimeException {

    /**
     * @param message what is wrong, naming the parameter, written for the person who sent it
     */
    public InvalidRequestException(String message) {
        super(message);
    }
}
