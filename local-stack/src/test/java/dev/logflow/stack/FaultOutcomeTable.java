package dev.logflow.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Turns what the fault tests recorded ({@code target/fault-outcomes/*.json}) into the Markdown table of
 * {@code docs/fault-outcomes.md}. The build runs it after the integration tests (phase {@code post-integration-test})
 * into {@code target/fault-outcomes.md}; with {@code -Dlogflow.update-docs=true} it also replaces the docs' copy.
 *
 * <p>Arguments: the outcomes directory, the Markdown file to write, the docs file, {@code true} to update it, and
 * failsafe's summary file: the docs are updated only from a run in which every integration test passed, since a
 * fault test records what it saw before it asserts.
 */
public final class FaultOutcomeTable {

    private static final Logger LOG = Logger.getLogger(FaultOutcomeTable.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final long MIB = 1024 * 1024;
    private static final String HEADER = "| fault | channel | events sent | stored | duplicates stored"
            + " | duplicates absorbed | missing | reported gaps | rollup total | note |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n";

    private FaultOutcomeTable() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: <outcomes dir> <markdown file> <docs file> <update docs> <failsafe summary>");
        }
        Path outcomes = Path.of(args[0]);
        List<Path> files = outcomeFiles(outcomes);
        if (files.isEmpty()) {
            LOG.infof("No fault outcomes in %s (no fault test ran); nothing to render", outcomes);
            return;
        }
        String markdown = render(files);
        write(Path.of(args[1]), markdown);
        if (Boolean.parseBoolean(args[3])) {
            if (everyTestPassed(Path.of(args[4]))) {
                write(Path.of(args[2]), markdown);
            } else {
                LOG.warnf("Not updating %s: an integration test failed or did not run (%s)", args[2], args[4]);
            }
        }
    }

    /** Whether failsafe's summary says the integration tests ran and none failed or broke. */
    private static boolean everyTestPassed(Path summary) throws IOException {
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        String xml = Files.readString(summary);
        return xml.contains("<failures>0</failures>") && xml.contains("<errors>0</errors>");
    }

    private static List<Path> outcomeFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The whole page: what it is, which run it comes from, how to make it again, then one row per fault. */
    static String render(List<Path> files) throws IOException {
        List<FaultOutcomes.Outcome> rows = new ArrayList<>();
        for (Path file : files) {
            rows.add(JSON.readValue(file.toFile(), FaultOutcomes.Outcome.class));
        }
        rows.sort(Comparator.comparing(FaultOutcomes.Outcome::fault).thenComparing(FaultOutcomes.Outcome::channel));
        StringBuilder page = new StringBuilder(intro(recorded(files)));
        page.append(HEADER);
        rows.forEach(row -> page.append(row(row)));
        return page.toString();
    }

    private static String intro(String run) {
        return "# Fault outcomes\n\n"
                + "Generated from the records the fault tests of `local-stack` write while they run (one JSON file per"
                + " fault in\n`local-stack/target/fault-outcomes/`); do not edit it by hand. Each row is one fault"
                + " broken on purpose in a real\npipeline (generator, Flume, loader, embedded MongoDB), counted event"
                + " by event afterwards.\n\n"
                + "- Run: " + run + ", " + machine() + ".\n"
                + "- Regenerate: `./mvnw -B package -DskipTests`, then `./mvnw -B verify -pl local-stack"
                + " -Dlogflow.update-docs=true`\n  (every `verify` writes `local-stack/target/fault-outcomes.md`;"
                + " the flag also copies it here).\n"
                + "- Columns: *missing* are the sent events not stored, found seq by seq; *reported gaps* is what the"
                + " loader itself\n  reports at `GET /api/loader/gaps`; *duplicates stored* are seqs stored more than"
                + " once (the unique `_id`\n  keeps it at 0); *duplicates absorbed* are lines the loader read again"
                + " and refused by id; *rollup total* is the\n  sum behind `/api/data`, which every test also compares"
                + " with the stored events key by key.\n"
                + "- `docs/fault-outcomes.md` is replaced only by a run in which every integration test passed.\n\n";
    }

    private static String row(FaultOutcomes.Outcome o) {
        return "| " + cell(o.fault()) + " | " + cell(o.channel()) + " | " + number(o.sent()) + " | "
                + number(o.stored()) + " | " + number(o.duplicatesStored()) + " | " + number(o.duplicatesAbsorbed())
                + " | " + number(o.missing()) + " | " + number(o.reportedGaps()) + " | " + number(o.rollupTotal())
                + " | " + cell(o.note()) + " |\n";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** When the records were written: one time, or the first and last when they come from several runs. */
    private static String recorded(List<Path> files) throws IOException {
        List<Instant> times = new ArrayList<>();
        for (Path file : files) {
            times.add(Files.getLastModifiedTime(file).toInstant());
        }
        String first = WHEN.format(Collections.min(times));
        String last = WHEN.format(Collections.max(times));
        return first.equals(last) ? first : "records written from " + first + " to " + last;
    }

    private static String machine() {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        return Runtime.getRuntime().availableProcessors() + " cores, " + os.getTotalMemorySize() / MIB / 1024
                + " GiB, " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }

    private static void write(Path target, String markdown) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, markdown);
            LOG.infof("Wrote the fault outcome table to %s", target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
