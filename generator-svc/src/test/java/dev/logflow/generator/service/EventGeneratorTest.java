package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logflow.generator.model.LogEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of(
            "id",
            "source",
            "seq",
            "ts",
            "service",
            "host",
            "level",
            "method",
            "path",
            "status",
            "latencyMs",
            "bytes",
            "userAgent",
            "message");
    private static final Pattern TS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final int MANY = 100_000;

    private final EventJsonWriter writer = new EventJsonWriter();

    @Test
    void writesEveryWireFormatFieldInOrderWithItsType() throws Exception {
        EventGenerator generator = TestMixes.generator("gen-a1");
        for (long seq = 1; seq <= 1_000; seq++) {
            JsonNode event = JSON.readTree(writer.write(generator.next(seq)));

            assertEquals(FIELDS, fieldNames(event));
            for (String text : List.of(
                    "id", "source", "ts", "service", "host", "level", "method", "path", "userAgent", "message")) {
                assertTrue(event.get(text).isTextual(), text + " is a string");
            }
            assertTrue(event.get("seq").canConvertToLong() && event.get("seq").isIntegralNumber());
            assertTrue(event.get("status").isInt());
            assertTrue(event.get("latencyMs").isInt());
            assertTrue(event.get("bytes").isIntegralNumber());
        }
    }

    @Test
    void namesEachEventAfterItsSourceAndSequence() throws Exception {
        JsonNode event =
                JSON.readTree(writer.write(TestMixes.generator("gen-a1").next(42)));

        assertEquals("gen-a1-42", event.get("id").asText());
        assertEquals("gen-a1", event.get("source").asText());
        assertEquals(42, event.get("seq").asLong());
    }

    @Test
    void givesDistinctIdsToConsecutiveSequenceNumbers() {
        EventGenerator generator = TestMixes.generator("gen-b2");
        Set<String> ids = new HashSet<>();
        for (long seq = 1; seq <= MANY; seq++) {
            ids.add(generator.next(seq).id());
        }
        assertEquals(MANY, ids.size());
    }

    @Test
    void stampsTheGenerationTimeInUtcWithMilliseconds() {
        Instant now = Instant.parse("2026-12-03T18:04:05Z");
        EventGenerator generator = new EventGenerator(
                "s",
                TestMixes.DEFAULT_STATUS,
                TestMixes.DEFAULT_LEVELS,
                new SplittableRandom(1),
                Clock.fixed(now, ZoneOffset.UTC));

        LogEvent event = generator.next(1);

        assertEquals("2026-12-03T18:04:05.000Z", event.ts());
        assertTrue(TS.matcher(TestMixes.generator("s").next(1).ts()).matches());
    }

    @Test
    void followsTheDefaultStatusMixOverManyEvents() {
        Map<Integer, Integer> classes = statusClasses(TestMixes.generator("mix"));

        assertShare(classes.get(2), 0.85);
        assertShare(classes.get(3), 0.05);
        assertShare(classes.get(4), 0.085);
        assertShare(classes.get(5), 0.015);
    }

    @Test
    void followsAConfiguredStatusMix() {
        EventGenerator generator = new EventGenerator(
                "mix",
                new TestMixes.Status(50, 0, 30, 20),
                TestMixes.DEFAULT_LEVELS,
                new SplittableRandom(3),
                Clock.systemUTC());

        Map<Integer, Integer> classes = statusClasses(generator);

        assertShare(classes.get(2), 0.5);
        assertEquals(null, classes.get(3));
        assertShare(classes.get(4), 0.3);
        assertShare(classes.get(5), 0.2);
    }

    @Test
    void derivesLevelsFromStatus() {
        EventGenerator generator = TestMixes.generator("levels");
        Map<String, Integer> levelsOf5xx = new HashMap<>();
        Map<String, Integer> levelsOf2xx = new HashMap<>();
        for (long seq = 1; seq <= MANY; seq++) {
            LogEvent event = generator.next(seq);
            if (event.status() >= 500) {
                levelsOf5xx.merge(event.level(), 1, Integer::sum);
            } else if (event.status() < 300) {
                levelsOf2xx.merge(event.level(), 1, Integer::sum);
            }
            if (event.status() >= 400 && event.status() < 500) {
                assertTrue(Set.of("WARN", "INFO").contains(event.level()));
            }
        }
        assertTrue(levelsOf5xx.get("ERROR") > levelsOf5xx.getOrDefault("WARN", 0) * 5, levelsOf5xx.toString());
        assertEquals(Set.of("INFO", "DEBUG"), levelsOf2xx.keySet());
    }

    @Test
    void producesPlausibleRequests() {
        EventGenerator generator = TestMixes.generator("plausible");
        Set<String> services = new HashSet<>();
        for (long seq = 1; seq <= 10_000; seq++) {
            LogEvent event = generator.next(seq);
            services.add(event.service());
            assertTrue(event.host().startsWith(event.service() + "-"), event.host());
            assertTrue(event.path().startsWith("/"), event.path());
            assertTrue(event.latencyMs() >= 1 && event.latencyMs() <= 60_000);
            assertTrue(event.bytes() >= 0);
            assertTrue(event.message().startsWith(event.method() + " " + event.path() + " " + event.status()));
        }
        assertEquals(Set.of("checkout", "catalog", "auth", "search", "payments"), services);
    }

    @Test
    void refusesAStatusMixWithoutAnyWeight() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new EventGenerator(
                        "x",
                        new TestMixes.Status(0, 0, 0, 0),
                        TestMixes.DEFAULT_LEVELS,
                        new SplittableRandom(),
                        Clock.systemUTC()));
    }

    private static Map<Integer, Integer> statusClasses(EventGenerator generator) {
        Map<Integer, Integer> classes = new HashMap<>();
        for (long seq = 1; seq <= MANY; seq++) {
            classes.merge(generator.next(seq).status() / 100, 1, Integer::sum);
        }
        return classes;
    }

    /** Within 10 % of the expected share, plus 0.2 percentage points for the rare classes. */
    private static void assertShare(int count, double expected) {
        double share = count / (double) MANY;
        assertTrue(Math.abs(share - expected) <= expected * 0.1 + 0.002, "share " + share + ", expected " + expected);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
