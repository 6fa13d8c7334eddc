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

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    private long read(String content, int buffer) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), content);
        try (FileChannel channel = FileChannel.open(file)) {
            return new LineReader(buffer).read(channel, 0, channel.size(), (buf, off, len, offset, whole) -> {
                lines.add((whole ? "" : "PIECE:") + new String(buf, off, len, StandardCharsets.UTF_8));
                offsets.add(offset);
                return true;
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
    void cutsALineLongerThanTheBufferIntoPieces() throws IOException {
        long end = read("abcdefghij\nk\n", 4);

        assertEquals(List.of("PIECE:abcd", "PIECE:efgh", "ij", "k"), lines);
        assertEquals(13, end);
    }
}
