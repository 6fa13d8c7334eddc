package dev.logflow.generator.model;

/**
 * Repeats what a caller sent inside an error message, so the message can say what was wrong, without letting the
 * text act as markup, a control sequence or a flood: at most {@value #MAX_CHARS} characters in single quotes, and
 * everything but plain printable ASCII (markup and quote characters included) written as {@code \}{@code uXXXX}.
 */
public final class Quoted {

    /** Longest part of a value repeated; longer values end in "...". */
    static final int MAX_CHARS = 64;

    private static final String ESCAPED_ASCII = "<>&'\"\\";

    private Quoted() {}

    /**
     * @param raw the value as the caller sent it
     * @return the value in single quotes, shortened and escaped
     */
    public static String of(String raw) {
        StringBuilder quoted = new StringBuilder("'");
        raw.codePoints().limit(MAX_CHARS).forEach(codePoint -> append(quoted, codePoint));
        if (raw.codePointCount(0, raw.length()) > MAX_CHARS) {
            quoted.append("...");
        }
        return quoted.append('\'').toString();
    }

    private static void append(StringBuilder quoted, int codePoint) {
        boolean plain = codePoint >= ' ' && codePoint < 0x7f && ESCAPED_ASCII.indexOf(codePoint) < 0;
        if (plain) {
            quoted.append((char) codePoint);
        } else {
            quoted.append(String.format("\\u%04x", codePoint));
        }
    }
}
