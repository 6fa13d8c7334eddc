package dev.logflow.loader.rest;

/** A MongoDB login whose password is easy to spot in any output, for the tests that prove it is never shown. */
final class MongoCredentials {

    static final String USER = "logflow-leak-check";
    /** Part of the password in every form: as configured (URL-encoded) and as the driver decodes it. */
    static final String PASSWORD_MARK = "Canary-91d4e7";

    static final String ENCODED_PASSWORD = "Pa55%2F" + PASSWORD_MARK;

    private MongoCredentials() {}

    /** A connection string to {@code hostAndPort} that logs in as {@link #USER}. */
    static String uri(String hostAndPort) {
        return "mongodb://" + USER + ":" + ENCODED_PASSWORD + "@" + hostAndPort + "/?authSource=admin";
    }
}
