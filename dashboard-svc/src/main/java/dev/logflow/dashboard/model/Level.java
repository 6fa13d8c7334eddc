package dev.logflow.dashboard.model;

/** Log levels of the data model; the {@code level} filter accepts exactly these (in any case). */
public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
}
