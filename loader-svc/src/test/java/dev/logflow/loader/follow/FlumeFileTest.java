package dev.logflow.loader.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlumeFileTest {

    private final Pattern names = FlumeFile.namePattern("events-");

    private Optional<FlumeFile> file(String name) {
        return FlumeFile.of(Path.of("/flume", name), names, 0, 0);
    }

    @Test
    void ordersFilesBySeriesStartThenNumberNumerically() {
        List<String> ordered = Stream.of(
                        "events-1700000000999-1",
                        "events-1700000000000-10",
                        "events-1700000000000-9",
                        "1700000000000-2")
                .map(n -> file(n).orElseThrow())
                .sorted(FlumeFile.ORDER)
                .map(FlumeFile::name)
                .toList();

        assertEquals(
                List.of(
                        "1700000000000-2",
                        "events-1700000000000-9",
                        "events-1700000000000-10",
                        "events-1700000000999-1"),
                ordered);
    }

    @Test
    void acceptsAnExtensionAndIgnoresOtherNames() {
        assertEquals(3, file("events-1700000000000-3.log").orElseThrow().n());
        assertTrue(file("notes.txt").isEmpty());
        assertTrue(file("other-1-2").isEmpty());
        assertTrue(file(".events-1-2.swp").isEmpty());
    }
}
