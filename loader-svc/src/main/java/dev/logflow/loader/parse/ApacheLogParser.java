package dev.logflow.loader.parse;

import static dev.logflow.loader.parse.EventFields.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * Parses Apache access-log lines in combined ({@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"}) and
 * common (the same without the last two fields) format. The original line is kept in {@code raw}.
 */
final class ApacheLogParser {

    /*
     * Quoted text with backslash escapes, unrolled and possessive: the naive (?:[^"\\]|\\.)* recurses once per
     * character in java.util.regex and a request or user agent of a few thousand characters overflows the stack.
     */
    private static final String QUOTED_TEXT = "([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)";
    private static final String QUOTED = "\"" + QUOTED_TEXT + "\"";
    private static final Pattern LINE = Pattern.compile("(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] " + QUOTED
            + " (\\d{3}) (\\d++|-)(?: " + QUOTED + " \"" + QUOTED_TEXT + "(\")?)?[ \\t]*");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final String UNKNOWN = "-";
    private static final int REQUEST_PARTS = 3;
    /** Every number of up to 18 digits fits a signed 64-bit integer. */
    private static final int MAX_BYTES_DIGITS = 18;

    private static final int G_HOST = 1;
    private static final int G_USER = 3;
    private static final int G_TIME = 4;
    private static final int G_REQUEST = 5;
    private static final int G_STATUS = 6;
    private static final int G_BYTES = 7;
    private static final int G_REFERRER = 8;
    private static final int G_AGENT = 9;
    private static final int G_AGENT_CLOSE = 10;

    private final String service;

    ApacheLogParser(String service) {
        this.service = service;
    }

    /** The event, or null when the line is not an access-log line at all; bad timestamps are failures. */
    ParseResult parse(String line, String id, List<String> warnings) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(m.group(G_TIME), TIME);
        } catch (DateTimeParseException e) {
            return ParseResult.failure("Apache timestamp not in dd/MMM/yyyy:HH:mm:ss Z form");
        }
        String bytes = m.group(G_BYTES);
        if (!UNKNOWN.equals(bytes) && bytes.length() > MAX_BYTES_DIGITS) {
            return ParseResult.failure("Apache bytes field is out of range: more than " + MAX_BYTES_DIGITS + " digits");
        }
        return new ParseResult.Event(document(m, line, id, time, warnings));
    }

    private BsonDocument document(Matcher m, String line, String id, OffsetDateTime time, List<String> warnings) {
        int status = Integer.parseInt(m.group(G_STATUS));
        boolean combined = m.group(G_AGENT) != null;
        BsonDocument doc = new BsonDocument(ID, new BsonString(id));
        doc.put(TS, new BsonDateTime(time.toInstant().toEpochMilli()));
        doc.put(FORMAT, new BsonString(combined ? FORMAT_APACHE_COMBINED : FORMAT_APACHE_COMMON));
        doc.put(SERVICE, new BsonString(service));
        doc.put(LEVEL, new BsonString(Levels.fromStatus(status)));
        putRequest(doc, m.group(G_REQUEST), warnings);
        if (combined && m.group(G_AGENT_CLOSE) == null) {
            // Seen in the real sample: a user agent cut off before its closing quote. Keep the event, say so.
            warnings.add("user agent has no closing quote");
        }
        doc.put(STATUS, new BsonInt32(status));
        doc.put(BYTES, new BsonInt64(UNKNOWN.equals(m.group(G_BYTES)) ? 0 : Long.parseLong(m.group(G_BYTES))));
        putKnown(doc, USER_AGENT, combined ? m.group(G_AGENT) : null);
        putKnown(doc, REFERRER, combined ? m.group(G_REFERRER) : null);
        putKnown(doc, CLIENT_IP, m.group(G_HOST));
        putKnown(doc, USER, m.group(G_USER));
        doc.put(MESSAGE, new BsonString(m.group(G_REQUEST)));
        doc.put(RAW, new BsonString(line));
        if (!warnings.isEmpty()) {
            doc.put(
                    WARNINGS,
                    new BsonArray(warnings.stream().map(BsonString::new).toList()));
        }
        return doc;
    }

    private static void putRequest(BsonDocument doc, String request, List<String> warnings) {
        String[] parts = request.split(" ", -1);
        if (parts.length != REQUEST_PARTS || parts[0].isEmpty() || parts[1].isEmpty()) {
            warnings.add("request line is not 'METHOD PATH PROTOCOL'");
            return;
        }
        doc.put(METHOD, new BsonString(parts[0]));
        doc.put(PATH, new BsonString(parts[1]));
        doc.put(PROTOCOL, new BsonString(parts[2]));
    }

    private static void putKnown(BsonDocument doc, String field, String value) {
        if (value != null && !UNKNOWN.equals(value)) {
            doc.put(field, new BsonString(value));
        }
    }
}
