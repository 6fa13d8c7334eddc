package dev.logflow.generator.client;

import dev.logflow.generator.config.GeneratorConfig;
import java.time.Duration;

/**
 * Everything a {@link FlumeConnection} needs, detached from CDI so tests can build one directly.
 *
 * @param host Flume netcat host
 * @param port Flume netcat port
 * @param maxLineLength longest line in UTF-8 bytes, newline included
 * @param maxInFlight lines accepted and not yet acknowledged, per connection
 * @param connectTimeout timeout of one connect attempt
 * @param ackTimeout silence with lines in flight after which the connection is considered dead
 * @param reconnectMinDelay first reconnect delay
 * @param reconnectMaxDelay cap of the reconnect delay
 * @param failedRetryDelay pause after a first FAILED answer; doubles with each further one
 * @param failedRetryMaxDelay cap of the pause after FAILED answers
 * @param drainTimeout how long closing waits for acknowledgements
 */
public record SenderSettings(
        String host,
        int port,
        int maxLineLength,
        int maxInFlight,
        Duration connectTimeout,
        Duration ackTimeout,
        Duration reconnectMinDelay,
        Duration reconnectMaxDelay,
        Duration failedRetryDelay,
        Duration failedRetryMaxDelay,
        Duration drainTimeout) {

    /** Settings from the service configuration. */
    public static SenderSettings from(GeneratorConfig config) {
        GeneratorConfig.Flume flume = config.flume();
        return new SenderSettings(
                config.flumeHost(),
                config.flumePort(),
                config.maxLineLength(),
                config.maxInFlight(),
                flume.connectTimeout(),
                flume.ackTimeout(),
                flume.reconnectMinDelay(),
                flume.reconnectMaxDelay(),
                flume.failedRetryDelay(),
                flume.failedRetryMaxDelay(),
                flume.drainTimeout());
    }

    /** {@code host:port}, for logs and health data. */
    public String address() {
        return host + ":" + port;
    }

    /** Whether a line of {@code bytes} UTF-8 bytes plus its newline fits the maximum line length. */
    public boolean fits(int bytes) {
        // Flume counts characters; a UTF-8 byte count is never smaller, so this check is conservative.
        return bytes + 1 <= maxLineLength;
    }
}
