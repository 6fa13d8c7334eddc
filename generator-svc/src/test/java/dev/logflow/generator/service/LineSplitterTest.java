package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void splitsOnNewlines() throws Exception {
        assertEquals(List.of("1:a", "2:b"), split("a\nb\n", 100));
    }

    @Test
    void dropsTheCarriageReturnOfCrlfEndings() throws Exception {
        assertEquals(List.of("1:a", "2:b"), split("a\r\nb\r\n", 100));
    }

    @Test
    void keepsACarriageReturnInsideALine() throws Exception {
        assertEquals(List.of("1:a\rb"), split("a\rb\n", 100));
    }

    @Test
    void handsOverALastLineWithoutNewline() throws Exception {
        assertEquals(List.of("1:a", "2:last"), split("a\nlast", 100));
    }

    @Test
    void reportsEmptyLinesAsEmpty() throws Exception {
        assertEquals(List.of("1:", "2:a", "3:", "4:"), split("\na\n\r\n\n", 100));
    }

    @Test
    void reportsALineOverTheLimitByItsLength() throws Exception {
        assertEquals(List.of("1:12345", "2:too long 6", "3:x"), split("12345\n123456\nx\n", 5));
    }

    @Test
    void doesNotCountTheCarriageReturnAgainstTheLimit() throws Exception {
        assertEquals(List.of("1:12345", "2:too long 7"), split("12345\r\n1234567\r\n", 5));
    }

    @Test
    void measuresAVeryLongLineWithoutKeepingIt() throws Exception {
        String longLine = "y".repeat(200_000);
        assertEquals(List.of("1:too long 200000", "2:ok"), split(longLine + "\r\nok", 10));
    }

    @Test
    void readsAnEmptyStreamAsNoLines() throws Exception {
        assertEquals(List.of(), split("", 10));
    }

    private static List<String> split(String text, int maxBytes) throws Exception {
        List<String> seen = new ArrayList<>();
        new LineSplitter(maxBytes)
                .split(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new LineSplitter.Handler() {
                    @Override
                    public void line(long number, byte[] bytes, int length) {
                        seen.add(number + ":" + new String(bytes, 0, length, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void tooLong(long number, long length) {
                        seen.add(number + ":too long " + length);
                    }
                });
        return seen;
    }
}
