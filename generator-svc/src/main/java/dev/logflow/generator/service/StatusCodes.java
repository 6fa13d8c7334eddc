package dev.logflow.generator.service;

import java.util.random.RandomGenerator;

/** Concrete status codes within a class, with the reason a log line would give for an error. */
final class StatusCodes {

    static final int CLASS_2XX = 0;
    static final int CLASS_3XX = 1;
    static final int CLASS_4XX = 2;
    static final int CLASS_5XX = 3;

    private static final int[] CLIENT_ERRORS = {404, 400, 401, 403, 409, 422, 429};
    private static final double[] CLIENT_ERROR_WEIGHTS = {40, 20, 15, 8, 5, 7, 5};
    private static final int[] SERVER_ERRORS = {500, 502, 503, 504};
    private static final double[] SERVER_ERROR_WEIGHTS = {45, 20, 20, 15};
    private static final int[] REDIRECTS = {304, 301, 302};
    private static final double[] REDIRECT_WEIGHTS = {70, 15, 15};
    private static final double PARTIAL_CONTENT_SHARE = 0.02;
    private static final double CREATED_SHARE = 0.6;

    private StatusCodes() {}

    /** A code of the given class that fits the method. */
    static int pick(int statusClass, String method, RandomGenerator random) {
        return switch (statusClass) {
            case CLASS_2XX -> success(method, random);
            case CLASS_3XX -> "GET".equals(method) ? REDIRECTS[Weighted.pick(random, REDIRECT_WEIGHTS)] : 303;
            case CLASS_4XX -> CLIENT_ERRORS[Weighted.pick(random, CLIENT_ERROR_WEIGHTS)];
            default -> SERVER_ERRORS[Weighted.pick(random, SERVER_ERROR_WEIGHTS)];
        };
    }

    private static int success(String method, RandomGenerator random) {
        return switch (method) {
            case "POST" -> random.nextDouble() < CREATED_SHARE ? 201 : 200;
            case "DELETE" -> 204;
            case "GET" -> random.nextDouble() < PARTIAL_CONTENT_SHARE ? 206 : 200;
            default -> 200;
        };
    }

    /**
     * What went wrong, for the message of a 4xx or 5xx event; null otherwise. Kept short so generated lines stay below
     * Flume's default max-line-length of 512.
     */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "invalid request body";
            case 401 -> "missing or expired token";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 409 -> "conflicting update";
            case 422 -> "validation failed";
            case 429 -> "rate limit exceeded";
            case 500 -> "unhandled exception";
            case 502 -> "upstream reset";
            case 503 -> "circuit breaker open";
            case 504 -> "upstream timeout";
            default -> null;
        };
    }
}
