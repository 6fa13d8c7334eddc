package dev.logflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files Flume's file_roll sink writes, {@code events-<seriesMillis>-<n>}, seen from outside the way an operator
 * (or a fault) would touch them: list, find the one being written, stop the next roll, read back the events.
 */
final class FlumeOutput {

    /** logflow's {@code sink.rollInterval}: file n of a series is written from (n - 1) to n intervals after start. */
    static final Duration ROLL_INTERVAL = Duration.ofSeconds(30);

    private static final Pattern NAME = Pattern.compile("events-(\\d+)-(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    FlumeOutput(Path dir) {
        this.dir = dir;
    }

    /** One output file: where it is and its place in the order the loader reads files in. */
    record OutputFile(Path path, long series, long n) {

        String name() {
            return path.getFileName().toString();
        }

        /** Time left until the sink rolls to the next file, from the series start and the roll interval. */
        Duration untilRoll() {
            long rollAt = series + n * ROLL_INTERVAL.toMillis();
            return Duration.ofMillis(rollAt - System.currentTimeMillis());
        }

        boolean isOlderThan(OutputFile other) {
            return series < other.series || (series == other.series && n < other.n);
        }
    }

    /** A generated event found in a file: the byte offset its line starts at, its seq, and where the line ends. */
    record Line(long offset, long end, long seq) {}

    /** Flume's regular files, oldest first (directories and other names are not Flume's). */
    List<OutputFile> files() {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(FlumeOutput::parse)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparingLong(OutputFile::series).thenComparingLong(OutputFile::n))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** Bytes in all of Flume's files together; a file removed while listing counts as empty. */
    long totalBytes() {
        long total = 0;
        for (OutputFile file : files()) {
            try {
                total += Files.size(file.path());
            } catch (IOException e) {
                // deleted between the listing and now
            }
        }
        return total;
    }

    /** The file the sink writes now: the newest one. */
    Optional<OutputFile> newest() {
        List<OutputFile> files = files();
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1));
    }

    /** Whether the sink has moved on from {@code file}, so that nothing more is written to it. */
    boolean rolledPast(OutputFile file) {
        return newest().map(file::isOlderThan).orElse(false);
    }

    /**
     * Makes the sink's next roll fail for good: a directory takes the name of the file it would open next, so it
     * keeps its events in the channel (the loader ignores directories). Returns the directory.
     */
    Path blockNextRoll() {
        while (true) {
            OutputFile current = newest().orElseThrow(() -> new IllegalStateException("Flume wrote no file in " + dir));
            Path next = dir.resolve("events-" + current.series() + "-" + (current.n() + 1));
            try {
                return Files.createDirectory(next);
            } catch (FileAlreadyExistsException e) {
                // The sink rolled between listing and blocking: block the roll after that one.
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + next, e);
            }
        }
    }

    /** The generated events in {@code content}, a file's bytes: one per complete JSON line with a seq. */
    static List<Line> lines(byte[] content) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                long offset = start;
                long end = i + 1L;
                seq(content, start, i).ifPresent(seq -> lines.add(new Line(offset, end, seq)));
                start = i + 1;
            }
        }
        return lines;
    }

    private static Optional<Long> seq(byte[] content, int from, int to) {
        try {
            JsonNode event = JSON.readTree(new String(content, from, to - from, StandardCharsets.UTF_8));
            return event.has("seq") ? Optional.of(event.get("seq").asLong()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<OutputFile> parse(Path path) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        return m.matches()
                ? Optional.of(new OutputFile(path, Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }
}
