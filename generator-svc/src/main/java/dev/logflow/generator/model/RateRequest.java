package dev.logflow.generator.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code PUT /api/generator/rate}.
 *
 * @param rate events per second; 0 or less means as fast as possible
 */
@RegisterForReflection
public record RateRequest(Double rate) {}
