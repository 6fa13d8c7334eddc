package dev.logflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch folders for runs that must not see the files of an earlier run. */
public final class WorkDirs {

    private WorkDirs() {}

    /** Deletes {@code dir} with everything in it, if it exists, and returns it. */
    public static Path emptied(Path dir) {
        if (!Files.exists(dir)) {
            return dir;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }
}
