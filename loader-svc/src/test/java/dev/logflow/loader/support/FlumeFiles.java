package dev.logflow.loader.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** Writes files the way Flume's file_roll sink does: {@code events-<start>-<n>}, appended to in pieces. */
public final class FlumeFiles {

    private final Path dir;

    public FlumeFiles(Path dir) {
        this.dir = dir;
    }

    public static String name(long start, int n) {
        return "events-" + start + "-" + n;
    }

    /** Appends {@code text} as is: a piece may end in the middle of a line, as Flume's 8 KB buffer does. */
    public Path append(long start, int n, String text) {
        return append(name(start, n), text.getBytes(StandardCharsets.UTF_8));
    }

    public Path append(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a whole file that appears at once (written under a name the loader ignores, then renamed), so a reader
     * never sees only part of it.
     */
    public Path publish(long start, int n, String text) {
        Path staging = dir.resolve("staging-" + name(start, n) + ".tmp");
        try {
            Files.writeString(staging, text, StandardCharsets.UTF_8);
            return Files.move(staging, path(start, n), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty file: what an idle Flume leaves every roll interval. */
    public Path empty(long start, int n) {
        return append(start, n, "");
    }

    public Path path(long start, int n) {
        return dir.resolve(name(start, n));
    }

    /** Removes every file, for a fresh start. */
    public void clear() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One generated event as a line. */
    public static String event(String id, String ts, String service, String level, int status) {
        String source = id.substring(0, id.lastIndexOf('-'));
        String seq = id.substring(id.lastIndexOf('-') + 1);
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"seq\":" + seq + ",\"ts\":\"" + ts
                + "\",\"service\":\"" + service + "\",\"host\":\"web-01\",\"level\":\"" + level
                + "\",\"method\":\"GET\",\"path\":\"/api/x\",\"status\":" + status + ",\"latencyMs\":12,"
                + "\"bytes\":512,\"userAgent\":\"test\",\"message\":\"GET /api/x\"}\n";
    }
}
