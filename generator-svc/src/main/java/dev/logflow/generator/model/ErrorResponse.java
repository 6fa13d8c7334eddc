package dev.logflow.generator.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of every 4xx answer.
 *
 * @param error what was wrong with the request
 */
@RegisterForReflection
public record ErrorResponse(String error) {}
