package dev.logflow.dashboard.rest;

/** Descriptions of the query parameters the two API endpoints share, for the OpenAPI document. */
final class ApiParameters {

    static final String FROM = "Window start, ISO-8601 with offset (2015-05-17T10:00Z); rounded down to the minute";
    static final String TO = "Window end, exclusive, ISO-8601 with offset; rounded up to the minute. Default: now";
    static final String WINDOW = "Window length: 15m, 6h, 7d or ISO PT6H. Default logflow.dashboard.default-window"
            + " (60m). Alone it ends now; with from it starts there; with to it ends there";
    static final String SERVICE = "Only events of this service";
    static final String LEVEL = "Only events of this level: DEBUG, INFO, WARN or ERROR";

    private ApiParameters() {}
}
