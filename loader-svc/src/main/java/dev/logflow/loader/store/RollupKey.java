package dev.logflow.loader.store;

import static dev.logflow.loader.parse.EventFields.LEVEL;
import static dev.logflow.loader.parse.EventFields.SERVICE;
import static dev.logflow.loader.parse.EventFields.STATUS;
import static dev.logflow.loader.parse.EventFields.TS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bson.BsonDocument;

/**
 * The key of one {@code rollups_minute} document: minute (UTC), service, level, status. Events without a service or
 * level count under {@value #UNKNOWN}, without a status under 0, so every stored event is counted exactly once.
 */
public record RollupKey(long minuteMillis, String service, String level, int status) {

    public static final String UNKNOWN = "unknown";
    private static final long MINUTE_MILLIS = 60_000;
    private static final String SEPARATOR = "|";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    /** The key an event document counts under. */
    public static RollupKey of(BsonDocument event) {
        long ts = event.getDateTime(TS).getValue();
        return new RollupKey(
                Math.floorDiv(ts, MINUTE_MILLIS) * MINUTE_MILLIS,
                event.getString(SERVICE, null) == null
                        ? UNKNOWN
                        : event.getString(SERVICE).getValue(),
                event.getString(LEVEL, null) == null
                        ? UNKNOWN
                        : event.getString(LEVEL).getValue(),
                event.getInt32(STATUS, null) == null
                        ? 0
                        : event.getInt32(STATUS).getValue());
    }

    /**
     * {@code <yyyy-MM-ddTHH:mmZ>|<service>|<level>|<status>}, where service and level have every {@code \} written
     * {@code \\} and every {@code |} written {@code \|}, so two different keys never share an id (service
     * {@code a|b} with level {@code INFO} against service {@code a} with level {@code b|INFO}).
     */
    public String id() {
        return MINUTE.format(Instant.ofEpochMilli(minuteMillis))
                + SEPARATOR
                + escape(service)
                + SEPARATOR
                + escape(level)
                + SEPARATOR
                + status;
    }

    private static String escape(String part) {
        if (part.indexOf('|') < 0 && part.indexOf('\\') < 0) {
            return part;
        }
        return part.replace("\\", "\\\\").replace("|", "\\|");
    }
}
