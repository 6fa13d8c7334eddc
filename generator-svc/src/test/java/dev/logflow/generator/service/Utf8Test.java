package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private final Utf8 utf8 = new Utf8();

    @Test
    void acceptsAsciiAndMultiByteText() {
        assertTrue(valid("plain ascii".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(valid("caf\u00e9 \u20ac \ud83d\ude00".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsALatin1Byte() {
        assertFalse(valid(new byte[] {'c', 'a', 'f', (byte) 0xe9}));
    }

    @Test
    void rejectsATruncatedSequence() {
        assertFalse(valid(new byte[] {'a', (byte) 0xe2, (byte) 0x82}));
    }

    @Test
    void rejectsAnOverlongEncoding() {
        assertFalse(valid(new byte[] {(byte) 0xc0, (byte) 0xaf}));
    }

    @Test
    void checksOnlyTheGivenRange() {
        byte[] bytes = {'o', 'k', (byte) 0xff};
        assertTrue(utf8.isValid(bytes, 0, 2));
    }

    private boolean valid(byte[] bytes) {
        return utf8.isValid(bytes, 0, bytes.length);
    }
}
