package dev.logflow.generator.service;

/**
 * A request the service's settings do not allow (e.g. a replay outside the allowed directories); the REST layer answers
 * 403 with the message, which names the setting to change.
 */
public class ForbiddenRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenRequestException(String message) {
        super(message);
    }
}
