package dev.logflow.loader.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one line of Flume's output (without its {@code \n}) into a {@link ParseResult}: a generated JSON event, an
 * Apache access-log line, an empty line or a failure with its reason. Pure: no I/O, no state, thread-safe.
 *
 * <p>A trailing {@code \r} (CRLF files) is dropped first. Bytes that are not valid UTF-8 are decoded with U+FFFD
 * replacement characters and the event is stored with a warning, so a single bad byte never costs a whole event.
 */
public final class LineParser {

    /** Warning stored with an event whose line was not valid UTF-8. */
    public static final String INVALID_UTF8_WARNING = "invalid UTF-8 replaced by U+FFFD";

    private static final byte CR = '\r';
    private static final byte OPEN_BRACE = '{';
    private static final int ASCII_LIMIT = 0x80;

    private final JsonEventParser json = new JsonEventParser();
    private final ApacheLogParser apache;

    public LineParser(String apacheService) {
        this.apache = new ApacheLogParser(apacheService);
    }

    /**
     * @param buf bytes holding the line
     * @param off where the line starts in {@code buf}
     * @param len line length without the {@code \n}
     * @param file name of the file the line comes from (part of the id of lines without one)
     * @param offset byte offset of the line in that file
     */
    public ParseResult parse(byte[] buf, int off, int len, String file, long offset) {
        int end = off + len;
        if (end > off && buf[end - 1] == CR) {
            end--;
        }
        int start = skipBlanks(buf, off, end);
        if (start == end) {
            return ParseResult.Empty.INSTANCE;
        }
        List<String> warnings = new ArrayList<>(0);
        if (!isAscii(buf, start, end) && !isValidUtf8(buf, start, end)) {
            byte[] repaired =
                    new String(buf, start, end - start, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            warnings.add(INVALID_UTF8_WARNING);
            return parseText(repaired, 0, repaired.length, file, offset, warnings);
        }
        return parseText(buf, off, end - off, file, offset, warnings);
    }

    private ParseResult parseText(byte[] buf, int off, int len, String file, long offset, List<String> warnings) {
        if (buf[skipBlanks(buf, off, off + len)] == OPEN_BRACE) {
            return json.parse(buf, off, len, warnings);
        }
        String line = new String(buf, off, len, StandardCharsets.UTF_8);
        ParseResult result = apache.parse(line, file + ":" + offset, warnings);
        if (result == null) {
            return ParseResult.failure("neither a logflow JSON event nor an Apache access-log line");
        }
        return result;
    }

    private static int skipBlanks(byte[] buf, int from, int end) {
        int i = from;
        while (i < end && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isAscii(byte[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            if ((buf[i] & 0xFF) >= ASCII_LIMIT) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidUtf8(byte[] buf, int from, int end) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, from, end - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
