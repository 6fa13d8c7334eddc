package dev.logflow.generator.service;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared real log samples: system property {@code logflow.data-dir} (set by surefire), then env
 * {@code LOGFLOW_DATA_DIR}, then {@code ../shared/data} next to the project root. Fails plainly when none exists.
 */
public final class TestData {

    private TestData() {}

    /** The sample file {@code name}; fails the test when the samples cannot be found. */
    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Sample " + file + " is missing or unreadable");
        }
        return file;
    }

    private static Path dir() {
        String configured = System.getProperty("logflow.data-dir", System.getenv("LOGFLOW_DATA_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Tests run in the module directory; the project root is its parent.
        Path fallback = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
        if (!Files.isDirectory(fallback)) {
            throw new IllegalStateException(
                    "Log samples not found: set -Dlogflow.data-dir or LOGFLOW_DATA_DIR " + "(tried " + fallback + ")");
        }
        return fallback;
    }
}
