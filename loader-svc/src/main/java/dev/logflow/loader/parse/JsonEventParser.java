package dev.logflow.loader.parse;

import static dev.logflow.loader.parse.EventFields.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * Parses one generated event (a JSON object on one line) with Jackson's streaming parser straight from the line's
 * bytes: this is the loader's hot path. Only the fields of the wire format are copied, each with its BSON type, so
 * unknown keys (including ones starting with {@code $} or containing {@code .}) never reach MongoDB.
 */
final class JsonEventParser {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_QUOTED_VALUE = 40;
    private static final String WIRE_ID = "id";
    private static final String[] OPTIONAL_FIELDS = {
        SERVICE, HOST, LEVEL, METHOD, PATH, STATUS, LATENCY_MS, BYTES, USER_AGENT, MESSAGE, SOURCE, SEQ
    };

    ParseResult parse(byte[] buf, int off, int len, List<String> warnings) {
        try (JsonParser parser = FACTORY.createParser(buf, off, len)) {
            return parseObject(parser, warnings);
        } catch (JsonProcessingException e) {
            return ParseResult.failure("invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // Parsing an in-memory array does no I/O; anything else is a bug worth surfacing.
            throw new UncheckedIOException(e);
        }
    }

    private ParseResult parseObject(JsonParser parser, List<String> warnings) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return ParseResult.failure("JSON line is not an object");
        }
        Fields fields = new Fields(parser);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (!fields.accept(name)) {
                return ParseResult.failure(fields.error);
            }
        }
        if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return ParseResult.failure("invalid JSON: content after the object");
        }
        return fields.toEvent(warnings);
    }

    private static String cut(String value) {
        return value.length() <= MAX_QUOTED_VALUE ? value : value.substring(0, MAX_QUOTED_VALUE) + "...";
    }

    /** The wire-format fields of one event as found; a JSON null counts as absent. */
    private static final class Fields {
        private final JsonParser parser;
        private final BsonDocument values = new BsonDocument();
        private String id;
        private String ts;
        private String error;

        Fields(JsonParser parser) {
            this.parser = parser;
        }

        /** Takes the value under the parser's cursor; false (with {@link #error}) when its type is wrong. */
        boolean accept(String name) throws IOException {
            switch (name) {
                case WIRE_ID -> id = string(name);
                case TS -> ts = string(name);
                case SERVICE, HOST, LEVEL, METHOD, PATH, USER_AGENT, MESSAGE, SOURCE -> string(name);
                case STATUS, LATENCY_MS -> int32(name);
                case BYTES, SEQ -> int64(name);
                default -> parser.skipChildren();
            }
            return error == null;
        }

        ParseResult toEvent(List<String> warnings) {
            if (id == null || id.isEmpty()) {
                return ParseResult.failure("missing required field 'id'");
            }
            if (ts == null) {
                return ParseResult.failure("missing required field 'ts'");
            }
            Instant time;
            try {
                time = Instant.parse(ts);
            } catch (DateTimeParseException e) {
                return ParseResult.failure("field 'ts' is not an ISO-8601 UTC timestamp: '" + cut(ts) + "'");
            }
            if (!EventTime.inRange(time)) {
                // Also every Instant beyond what epoch milliseconds (a BSON date) can hold, e.g. year +300000000.
                return ParseResult.failure("field 'ts' " + EventTime.OUT_OF_RANGE);
            }
            return new ParseResult.Event(document(time, warnings));
        }

        private BsonDocument document(Instant instant, List<String> warnings) {
            BsonDocument doc = new BsonDocument(ID, new BsonString(id));
            doc.put(TS, new BsonDateTime(instant.toEpochMilli()));
            doc.put(FORMAT, new BsonString(FORMAT_LOGFLOW));
            for (String field : OPTIONAL_FIELDS) {
                if (values.containsKey(field)) {
                    doc.put(field, values.get(field));
                } else {
                    warnings.add("missing field '" + field + "'");
                }
            }
            if (doc.containsKey(LEVEL)
                    && !Levels.KNOWN.contains(doc.getString(LEVEL).getValue())) {
                warnings.add("unknown level '" + cut(doc.getString(LEVEL).getValue()) + "'");
            }
            if (!warnings.isEmpty()) {
                doc.put(
                        WARNINGS,
                        new BsonArray(warnings.stream().map(BsonString::new).toList()));
            }
            return doc;
        }

        private String string(String name) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_STRING) {
                return wrongType(name, "a string", token);
            }
            String text = parser.getText();
            values.put(name, new BsonString(text));
            return text;
        }

        private void int32(String name) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                wrongNumber(name, "a 32-bit integer", token);
                return;
            }
            values.put(name, new BsonInt32(parser.getIntValue()));
        }

        private void int64(String name) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                wrongNumber(name, "a 64-bit integer", token);
                return;
            }
            values.put(name, new BsonInt64(parser.getLongValue()));
        }

        /** An integer field's value of the wrong type: an integer there is one too large for the field. */
        private void wrongNumber(String name, String expected, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT) {
                fail(name, expected, "an integer out of range");
            } else {
                wrongType(name, expected, token);
            }
        }

        private String wrongType(String name, String expected, JsonToken token) throws IOException {
            String found = switch (token) {
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT -> "an integer";
                case VALUE_NUMBER_FLOAT -> "a decimal number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                default -> token.name();
            };
            fail(name, expected, found);
            return null;
        }

        private void fail(String name, String expected, String found) throws IOException {
            parser.skipChildren();
            error = "field '" + name + "' must be " + expected + ", found " + found;
        }
    }
}
