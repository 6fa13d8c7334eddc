package dev.logflow.dashboard.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One row of the latest-events table. Every text field is copied from a log line and so is attacker-controlled:
 * the page only ever shows it as text.
 *
 * @param id the event's {@code _id}
 * @param ts event time (UTC)
 * @param service service that served the request
 * @param host host, when known
 * @param level log level
 * @param method HTTP method
 * @param path request path
 * @param status HTTP status, or {@code null} when missing
 * @param latencyMs latency, when known
 * @param message the log message
 */
@RegisterForReflection
public record LatestEvent(
        String id,
        Instant ts,
        String service,
        String host,
        String level,
        String method,
        String path,
        Integer status,
        Integer latencyMs,
        String message) {}
