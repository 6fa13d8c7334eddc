package dev.logflow.loader.health;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.service.LoadLoop;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the reader and writer threads run and each reported progress or an idle poll within
 * {@code logflow.loader.stall-timeout}. MongoDB being down does not fail it: the loop keeps retrying.
 */
@Liveness
@ApplicationScoped
public class LoopLivenessCheck implements HealthCheck {

    static final String NAME = "load-loop";

    private final LoadLoop loop;
    private final LoaderConfig config;

    public LoopLivenessCheck(LoadLoop loop, LoaderConfig config) {
        this.loop = loop;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(loop.alive())
                .withData("stallTimeout", config.stallTimeout().toString())
                .build();
    }
}
