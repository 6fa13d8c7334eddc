package dev.logflow.generator.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 check. Flume's netcat source closes the connection without a word on bytes that are not UTF-8, taking
 * good lines with it, so such lines must never be sent. Not thread-safe (reuses one decoder).
 */
final class Utf8 {

    private static final int ASCII_LIMIT = 0x80;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Whether {@code length} bytes from {@code offset} are well-formed UTF-8. */
    boolean isValid(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) {
            return true;
        }
        try {
            decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if ((bytes[i] & 0xFF) >= ASCII_LIMIT) {
                return false;
            }
        }
        return true;
    }
}
