package dev.logflow.generator.service;

import dev.logflow.generator.client.DeliveryCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.ToDoubleFunction;

/**
 * Process-wide delivery totals, exported as {@code logflow_generator_events_<what>_total} and
 * {@code logflow_generator_connect_errors_total}, {@code logflow_generator_backoffs_total} and the gauge
 * {@code logflow_generator_throttled_connections} (slowed down by FAILED answers right now), each with a tag {@code origin} of {@code generated} or {@code replay}. Runs
 * and replays count into these through their own counters.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final String PREFIX = "logflow.generator.";
    private static final String ORIGIN = "origin";

    private final DeliveryCounters generated = new DeliveryCounters();
    private final DeliveryCounters replayed = new DeliveryCounters();

    DeliveryMetrics(MeterRegistry registry) {
        register(registry, "generated", generated);
        register(registry, "replay", replayed);
    }

    /** Parent of every generation run's counters. */
    public DeliveryCounters generated() {
        return generated;
    }

    /** Parent of every replay's counters. */
    public DeliveryCounters replayed() {
        return replayed;
    }

    private static void register(MeterRegistry registry, String origin, DeliveryCounters counters) {
        counter(registry, "events.sent", "Lines written to Flume, first attempts", origin, counters, c -> c.sent());
        counter(registry, "events.acked", "Lines Flume acknowledged", origin, counters, c -> c.acked());
        counter(registry, "events.failed", "FAILED answers from Flume", origin, counters, c -> c.failed());
        counter(registry, "events.resent", "Lines written again", origin, counters, c -> c.resent());
        counter(
                registry,
                "events.rejected",
                "Lines never sent (too long, not UTF-8)",
                origin,
                counters,
                c -> c.rejected());
        counter(registry, "connect.errors", "Failed connection attempts", origin, counters, c -> c.connectErrors());
        counter(
                registry,
                "backoffs",
                "Times a connection slowed down after FAILED answers",
                origin,
                counters,
                c -> c.backOffs());
        Gauge.builder(PREFIX + "throttled.connections", counters, c -> c.throttledConnections())
                .description("Connections slowed down by FAILED answers right now")
                .tag(ORIGIN, origin)
                .register(registry);
    }

    private static void counter(
            MeterRegistry registry,
            String name,
            String description,
            String origin,
            DeliveryCounters counters,
            ToDoubleFunction<DeliveryCounters> value) {
        FunctionCounter.builder(PREFIX + name, counters, value)
                .description(description)
                .tag(ORIGIN, origin)
                .register(registry);
    }
}
