package dev.logflow.loader.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared real log samples: system property {@code logflow.data-dir} (set by surefire), then env
 * {@code LOGFLOW_DATA_DIR}, then {@code ../shared/data} relative to the project root. Fails plainly when absent.
 */
public final class SampleData {

    private SampleData() {}

    public static Path file(String name) {
        Path dir = dataDir();
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Sample " + name + " not found in " + dir
                    + ": set -Dlogflow.data-dir or LOGFLOW_DATA_DIR to the shared data directory");
        }
        return file;
    }

    private static Path dataDir() {
        String property = System.getProperty("logflow.data-dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("LOGFLOW_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.exists(module.resolve("mvnw")) ? module : module.getParent();
        return root.resolve("../shared/data").normalize();
    }
}
