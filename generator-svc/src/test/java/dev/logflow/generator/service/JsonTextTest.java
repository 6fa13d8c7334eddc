package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void copiesPlainTextUnchanged() {
        assertEquals("\"GET /api/cart/1 200 3ms\"", quoted("GET /api/cart/1 200 3ms"));
    }

    @Test
    void escapesQuotesAndBackslashes() {
        assertEquals("\"say \\\"hi\\\" to C:\\\\temp\"", quoted("say \"hi\" to C:\\temp"));
    }

    @Test
    void escapesControlCharactersWithShortFormsWhereRfc8259HasThem() {
        assertEquals("\"a\\nb\\rc\\td\\be\\ff\"", quoted("a\nb\rc\td\be\ff"));
    }

    @Test
    void escapesOtherControlCharactersAsUnicodeEscapes() {
        assertEquals("\"\\u0000\\u0001\\u001f\"", quoted("\u0000\u0001\u001f"));
    }

    @Test
    void leavesNonAsciiTextAndDeleteAlone() {
        assertEquals("\"caf\u00e9 \u20ac \ud83d\ude00 \u007f\"", quoted("caf\u00e9 \u20ac \ud83d\ude00 \u007f"));
    }

    @Test
    void writesNullAsJsonNull() {
        assertEquals("null", quoted(null));
    }

    @Test
    void producesStringsJacksonReadsBackExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            String text = randomText(random);
            assertEquals(text, JSON.readValue(quoted(text), String.class));
        }
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            // Mostly the troublesome low range, some quotes and backslashes, some non-ASCII.
            int pick = random.nextInt(4);
            text.append(
                    switch (pick) {
                        case 0 -> (char) random.nextInt(0x20);
                        case 1 -> "\"\\/".charAt(random.nextInt(3));
                        case 2 -> (char) (0xa0 + random.nextInt(0x2000));
                        default -> (char) (0x20 + random.nextInt(0x5f));
                    });
        }
        return text.toString();
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        JsonText.appendQuoted(out, text);
        return out.toString();
    }
}
