package dev.logflow.generator.health;

import dev.logflow.generator.client.FlumeProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when a TCP connection to Flume's netcat source opens; without Flume nothing can be delivered. */
@Readiness
@ApplicationScoped
public class FlumeReadinessCheck implements HealthCheck {

    private final FlumeProbe probe;

    FlumeReadinessCheck(FlumeProbe probe) {
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        FlumeProbe.Result result = probe.check();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("flume")
                .withData("flume", probe.address())
                .status(result.reachable());
        if (!result.reachable()) {
            response.withData("error", result.error());
        }
        return response.build();
    }
}
