package dev.logflow.loader.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

    private static final int HEAD = 3;

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    private long read(String content, int buffer) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), content);
        try (FileChannel channel = FileChannel.open(file)) {
            return new LineReader(buffer, HEAD).read(channel, 0, channel.size(), new LineHandler() {
                @Override
                public boolean onLine(byte[] buf, int off, int len, long offset) {
                    lines.add(new String(buf, off, len, StandardCharsets.UTF_8));
                    offsets.add(offset);
                    return true;
                }

                @Override
                public boolean onLongLine(byte[] head, int headLen, long offset, long length) {
                    lines.add("LONG:" + new String(head, 0, headLen, StandardCharsets.UTF_8) + ":" + length);
                    offsets.add(offset);
                    return true;
                }
            });
        }
    }

    @Test
    void handsOverOnlyCompleteLinesAndStopsBeforeAHalfWrittenOne() throws IOException {
        long end = read("a\nbb\n\nccc", 4);

        assertEquals(List.of("a", "bb", ""), lines);
        assertEquals(List.of(0L, 2L, 5L), offsets);
        assertEquals(6, end);
    }

    @Test
    void handsOverALineLongerThanTheBufferOnceAsItsHeadAndLength() throws IOException {
        long end = read("abcdefghij\nk\n", 4);

        assertEquals(List.of("LONG:abc:10", "k"), lines);
        assertEquals(List.of(0L, 11L), offsets);
        assertEquals(13, end);
    }

    @Test
    void tailOfALineLongerThanTheBufferIsNeverHandedOverAsALineOfItsOwn() throws IOException {
        String tail = "{\"id\":\"x-1\"}";
        long end = read("x".repeat(9) + tail + "\nk\n", 8);

        assertEquals(List.of("LONG:xxx:" + (9 + tail.length()), "k"), lines);
        assertEquals(9 + tail.length() + 3, end);
    }

    @Test
    void waitsAtTheStartOfALongLineUntilItsNewlineIsWritten() throws IOException {
        long end = read("a\n" + "b".repeat(20), 4);

        assertEquals(List.of("a"), lines);
        assertEquals(2, end);
    }

    @Test
    void readsTheHeadOfAFinalLineWithoutNewlineOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("g"), "a\n" + "c".repeat(1000));
        try (FileChannel channel = FileChannel.open(file)) {
            byte[] head = new LineReader(16, HEAD).readHead(channel, 2, channel.size(), HEAD);

            assertEquals("ccc", new String(head, StandardCharsets.UTF_8));
        }
    }
}
