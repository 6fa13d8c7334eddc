package dev.logflow.loader.health;

import dev.logflow.loader.config.LoaderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Flume's directory exists and can be read. */
@Readiness
@ApplicationScoped
public class DirectoryReadinessCheck implements HealthCheck {

    static final String NAME = "directory";

    private final LoaderConfig config;

    public DirectoryReadinessCheck(LoaderConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Path dir = Path.of(config.directory());
        boolean exists = Files.isDirectory(dir);
        boolean readable = exists && Files.isReadable(dir) && Files.isExecutable(dir);
        return HealthCheckResponse.named(NAME)
                .status(readable)
                .withData("path", dir.toString())
                .withData("exists", exists)
                .withData("readable", readable)
                .build();
    }
}
