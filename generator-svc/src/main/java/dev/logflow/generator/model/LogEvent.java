package dev.logflow.generator.model;

/**
 * One generated log event, exactly the fields of the wire format in {@code docs/data-model.md}.
 *
 * @param id {@code <source>-<seq>}, the loader's {@code _id}
 * @param source generator instance id
 * @param seq per-source sequence number, from 1 without gaps
 * @param ts ISO-8601 UTC timestamp with milliseconds
 * @param service service that served the request
 * @param host host that served the request
 * @param level DEBUG, INFO, WARN or ERROR
 * @param method HTTP method
 * @param path HTTP path with query
 * @param status HTTP status code
 * @param latencyMs request latency in milliseconds
 * @param bytes response size in bytes
 * @param userAgent client user agent
 * @param message human-readable summary
 */
public record LogEvent(
        String id,
        String source,
        long seq,
        String ts,
        String service,
        String host,
        String level,
        String method,
        String path,
        int status,
        int latencyMs,
        long bytes,
        String userAgent,
        String message) {}
