package dev.logflow.loader.parse;

/** Field names of event documents, shared by the parsers, the rollups and the tests. */
public final class EventFields {
    public static final String ID = "_id";
    public static final String TS = "ts";
    public static final String FORMAT = "format";
    public static final String SERVICE = "service";
    public static final String HOST = "host";
    public static final String LEVEL = "level";
    public static final String METHOD = "method";
    public static final String PATH = "path";
    public static final String PROTOCOL = "protocol";
    public static final String STATUS = "status";
    public static final String LATENCY_MS = "latencyMs";
    public static final String BYTES = "bytes";
    public static final String USER_AGENT = "userAgent";
    public static final String REFERRER = "referrer";
    public static final String CLIENT_IP = "clientIp";
    public static final String USER = "user";
    public static final String MESSAGE = "message";
    public static final String SOURCE = "source";
    public static final String SEQ = "seq";
    public static final String RAW = "raw";
    public static final String WARNINGS = "warnings";
    public static final String INGEST = "ingest";

    public static final String FORMAT_LOGFLOW = "logflow";
    public static final String FORMAT_APACHE_COMBINED = "apache-combined";
    public static final String FORMAT_APACHE_COMMON = "apache-common";

    private EventFields() {}
}
