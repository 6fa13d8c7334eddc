package dev.logflow.loader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.store.Batch;
import dev.logflow.loader.store.DeadLetterFactory;
import dev.logflow.loader.support.FlumeFiles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineCollectorTest {

    private static final String FILE = "events-1764784800000-1";
    private static final String POISON = "poison";
    private static final String E1 = FlumeFiles.event("gen-c-1", "2026-12-03T18:04:05.123Z", "checkout", "INFO", 200);
    private static final String E2 = FlumeFiles.event("gen-c-2", "2026-12-03T18:04:06.123Z", "checkout", "WARN", 404);

    private final LineParser real = new LineParser("apache");

    /** Feeds {@code text} line by line, the way the reader does, to a collector using {@code parser}. */
    private static Batch collect(LineCollector.Parser parser, String text) {
        LoaderMetrics metrics = new LoaderMetrics(new SimpleMeterRegistry());
        LineCollector collector =
                new LineCollector(parser, new DeadLetterFactory(4096), metrics, Integer.MAX_VALUE, Long.MAX_VALUE);
        Batch batch = new Batch(FILE, 0);
        collector.into(batch);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                collector.onLine(bytes, start, i - start, start);
                start = i + 1;
            }
        }
        return batch;
    }

    /** The real parser, except that {@code thrower} runs on a line starting with {@value #POISON}. */
    private LineCollector.Parser throwingOnPoison(Runnable thrower) {
        return (buf, off, len, file, offset) -> {
            if (new String(buf, off, len, StandardCharsets.UTF_8).startsWith(POISON)) {
                thrower.run();
            }
            return real.parse(buf, off, len, file, offset);
        };
    }

    @Test
    void aLineTheParserOverflowsTheStackOnIsDeadLetteredAndTheNextLinesStored() {
        String text = E1 + POISON + " line\n" + E2;

        Batch batch = collect(
                throwingOnPoison(() -> {
                    throw new StackOverflowError();
                }),
                text);

        assertEquals(2, batch.events().size());
        assertEquals(
                List.of("parser failed: java.lang.StackOverflowError"),
                batch.deadLetters().stream().map(d -> d.reason).toList());
        assertEquals(E1.length(), batch.deadLetters().get(0).offset);
        assertEquals(text.length(), batch.end());
    }

    @Test
    void aLineTheParserThrowsOnIsDeadLetteredAndTheNextLinesStored() {
        String text = POISON + " line\n" + E1 + E2;

        Batch batch = collect(
                throwingOnPoison(() -> {
                    throw new NumberFormatException("For input string: \"99999999999999999999\"");
                }),
                text);

        assertEquals(2, batch.events().size());
        assertEquals(
                List.of("parser failed: java.lang.NumberFormatException"),
                batch.deadLetters().stream().map(d -> d.reason).toList());
        assertEquals(text.length(), batch.end());
    }
}
