package dev.logflow.generator.health;

import dev.logflow.generator.service.GeneratorService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Cheap liveness: the service answers and names its source; Flume being down is not a reason to restart it. */
@Liveness
@ApplicationScoped
public class GeneratorLivenessCheck implements HealthCheck {

    private final GeneratorService generator;

    GeneratorLivenessCheck(GeneratorService generator) {
        this.generator = generator;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("generator")
                .withData("source", generator.source())
                .up()
                .build();
    }
}
