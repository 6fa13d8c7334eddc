package dev.logflow.flume.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The shared real log samples, found through {@code logflow.data-dir}, {@code LOGFLOW_DATA_DIR} or ../shared/data. */
public final class SampleData {

    /** Apache combined access log, 10,000 lines, '\n'-terminated, the longest line 1,363 characters. */
    public static final String APACHE_ACCESS = "apache-access-10k.log";

    private static final String DATA_DIR_PROPERTY = "logflow.data-dir";
    private static final String DATA_DIR_ENV = "LOGFLOW_DATA_DIR";
    // Tests run in flume-image/, so the project root is one level up and the samples sit beside it.
    private static final Path DEFAULT_DATA_DIR = Path.of("..", "..", "shared", "data");

    private SampleData() {}

    /** The bytes of one sample file; fails plainly when the samples are not where they should be. */
    public static byte[] read(String fileName) throws IOException {
        Path file = dataDir().resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Real log sample " + file.toAbsolutePath() + " not found: set -D"
                    + DATA_DIR_PROPERTY + " or " + DATA_DIR_ENV + " to the directory holding the shared samples");
        }
        return Files.readAllBytes(file);
    }

    /** The '\n'-terminated lines of a sample, without their '\n' (a '\r' before it would be kept). */
    public static List<String> lines(byte[] sample) {
        String text = new String(sample, StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.split("\n", -1));
        // The text after the last '\n' is not a line: the netcat source drops it too.
        return lines.subList(0, lines.size() - 1);
    }

    private static Path dataDir() {
        String configured = System.getProperty(DATA_DIR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(DATA_DIR_ENV);
        }
        return configured == null || configured.isBlank() ? DEFAULT_DATA_DIR : Path.of(configured);
    }
}
