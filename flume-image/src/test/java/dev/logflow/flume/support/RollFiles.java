package dev.logflow.flume.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files the file_roll sink wrote, read the way loader-svc reads them: named {@code events-<seriesMillis>-<n>},
 * ordered by series, then by n.
 */
public final class RollFiles {

    /** The documented name pattern: prefix, the sink's start time in epoch millis, the file number from 1. */
    public static final Pattern NAME = Pattern.compile("events-(\\d+)-(\\d+)");

    private RollFiles() {}

    /** One file of the sink's output. */
    public record RollFile(Path path, long seriesMillis, int index) {}

    /** Every regular file in {@code dir}; a name outside the pattern fails, since the loader would skip it. */
    public static List<RollFile> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(RollFiles::parse)
                    .sorted(Comparator.comparingLong(RollFile::seriesMillis).thenComparingInt(RollFile::index))
                    .toList();
        }
    }

    /** All events in delivery order: the files concatenated in name order. */
    public static byte[] concatenate(Path dir) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (RollFile file : list(dir)) {
            all.write(Files.readAllBytes(file.path()));
        }
        return all.toByteArray();
    }

    /** Bytes written so far; 0 while the directory does not exist. */
    public static long totalBytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long total = 0;
        for (RollFile file : list(dir)) {
            total += Files.size(file.path());
        }
        return total;
    }

    private static RollFile parse(Path path) {
        Matcher name = NAME.matcher(path.getFileName().toString());
        if (!name.matches()) {
            throw new AssertionError("File " + path + " does not follow the pattern " + NAME.pattern());
        }
        return new RollFile(path, Long.parseLong(name.group(1)), Integer.parseInt(name.group(2)));
    }
}
