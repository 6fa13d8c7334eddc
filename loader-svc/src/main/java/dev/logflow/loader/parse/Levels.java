package dev.logflow.loader.parse;

import java.util.Set;

/** Log levels of the wire format, and the level an HTTP status implies for lines that carry none. */
public final class Levels {
    public static final String DEBUG = "DEBUG";
    public static final String INFO = "INFO";
    public static final String WARN = "WARN";
    public static final String ERROR = "ERROR";
    public static final Set<String> KNOWN = Set.of(DEBUG, INFO, WARN, ERROR);

    private static final int FIRST_CLIENT_ERROR = 400;
    private static final int FIRST_SERVER_ERROR = 500;

    private Levels() {}

    /** 5xx is {@code ERROR}, 4xx {@code WARN}, anything else {@code INFO}. */
    public static String fromStatus(int status) {
        if (status >= FIRST_SERVER_ERROR) {
            return ERROR;
        }
        return status >= FIRST_CLIENT_ERROR ? WARN : INFO;
    }
}
