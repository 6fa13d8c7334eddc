package dev.logflow.generator.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Optional body of {@code POST /api/generator/start}.
 *
 * @param rate events per second; absent keeps the current target, 0 or less means as fast as possible
 * @param total events to generate; absent means the configured total (unlimited by default)
 */
@RegisterForReflection
public record StartRequest(Double rate, Long total) {}
