package dev.logflow.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built pieces of logflow are, relative to the repository root. */
public record ProjectLayout(Path root) {

    /** Root from {@code -Dlogflow.project-root}, else the first parent of the working directory with a flume-image. */
    public static ProjectLayout locate() {
        String configured = System.getProperty("logflow.project-root");
        if (configured != null) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("flume-image")) && Files.exists(dir.resolve("pom.xml"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the logflow repository root above "
                + Path.of("").toAbsolutePath() + "; set -Dlogflow.project-root");
    }

    public Path serviceJar(String module) {
        return requireBuilt(root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"));
    }

    public Path flumeLauncher() {
        return requireBuilt(root.resolve("flume-image/target/flume/bin/flume-agent"));
    }

    public Path localStackClasspath() {
        return requireBuilt(root.resolve("local-stack/target/local-stack.jar"));
    }

    /**
     * The shared real log samples: {@code -Dlogflow.data-dir}, else {@code LOGFLOW_DATA_DIR}, else
     * {@code ../shared/data} beside the repository.
     */
    public Path dataDir() {
        String configured = System.getProperty("logflow.data-dir", System.getenv("LOGFLOW_DATA_DIR"));
        Path dir = configured != null ? Path.of(configured) : root.resolve("../shared/data");
        return dir.toAbsolutePath().normalize();
    }

    /** A sample log file, failing plainly when the shared samples are not there. */
    public Path sample(String fileName) {
        Path file = dataDir().resolve(fileName);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("The shared log sample " + file + " is missing: the samples live in "
                    + "../shared/data beside the repository, or set -Dlogflow.data-dir / LOGFLOW_DATA_DIR");
        }
        return file;
    }

    private static Path requireBuilt(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: build first with ./mvnw -B package -DskipTests");
        }
        return path;
    }
}
