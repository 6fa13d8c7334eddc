package dev.logflow.generator.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SenderSettingsTest {

    private final SenderSettings settings = TestSettings.forPort(1, 16_384, 10);

    @Test
    void acceptsALineThatFillsTheLimitTogetherWithItsNewline() {
        assertTrue(settings.fits(16_383));
    }

    @Test
    void rejectsALineThatLeavesNoRoomForItsNewline() {
        assertFalse(settings.fits(16_384));
    }

    @Test
    void countsMultiByteCharactersByTheirUtf8Bytes() {
        // 6000 euro signs are 6000 characters but 18000 bytes: over the limit although Flume would count 6001 chars.
        byte[] line = "\u20ac".repeat(6_000).getBytes(StandardCharsets.UTF_8);
        assertFalse(settings.fits(line.length));
    }
}
