package dev.logflow.dashboard.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of every 400 (bad parameter) and 503 (database unreachable) answer.
 *
 * @param status the HTTP status
 * @param message what is wrong, naming the parameter when one is
 */
@RegisterForReflection
public record ErrorBody(int status, String message) {}
