package dev.logflow.loader.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a service under test logs, at DEBUG and above for every category, written to a file of its own so a
 * test can read back what an operator would see in the console or a log collector.
 */
public final class CapturedLog {

    private final Path file;

    /** @param name distinguishes the file of one test profile from the others of the same run */
    public CapturedLog(String name) {
        // One file per JVM and profile: a rerun never reads the lines of an earlier one.
        this.file = Path.of(
                        "target",
                        "captured-" + name + "-" + ProcessHandle.current().pid() + ".log")
                .toAbsolutePath();
    }

    /** The configuration that sends every log record, driver and framework included, to {@link #file}. */
    public Map<String, String> config() {
        return Map.of(
                "quarkus.log.level", "DEBUG",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.level", "DEBUG",
                "quarkus.log.file.path", file.toString(),
                // The console keeps its usual level, so the build output stays readable.
                "quarkus.log.console.level", "INFO",
                "quarkus.log.category.\"org.mongodb.driver\".level", "DEBUG");
    }

    /** What was logged so far. */
    public String text() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
