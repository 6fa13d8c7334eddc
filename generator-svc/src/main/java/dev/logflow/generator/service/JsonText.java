package dev.logflow.generator.service;

/** JSON string escaping per RFC 8259, section 7, written for a hot path: unescaped text is copied in one call. */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char FIRST_PRINTABLE = 0x20;

    private JsonText() {}

    /** Appends {@code value} as a quoted JSON string; null becomes {@code null}. */
    public static void appendQuoted(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int clean = firstToEscape(value);
        if (clean == value.length()) {
            out.append(value);
        } else {
            out.append(value, 0, clean);
            appendEscaped(out, value, clean);
        }
        out.append('"');
    }

    private static int firstToEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (needsEscape(value.charAt(i))) {
                return i;
            }
        }
        return value.length();
    }

    private static boolean needsEscape(char c) {
        return c < FIRST_PRINTABLE || c == '"' || c == '\\';
    }

    private static void appendEscaped(StringBuilder out, String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (needsEscape(c)) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
    }

    private static void appendEscape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
