package dev.logflow.generator.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /api/generator/replay}.
 *
 * @param file path of a readable log file on the generator's machine
 */
@RegisterForReflection
public record ReplayRequest(String file) {}
