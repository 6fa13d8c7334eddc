package dev.logflow.generator.client;

import java.time.Duration;

/** Sender settings for tests: short timeouts so failures show in seconds. */
public final class TestSettings {

    private TestSettings() {}

    /** Settings for a fake server on {@code port} with the given line limit and window. */
    public static SenderSettings forPort(int port, int maxLineLength, int maxInFlight) {
        return new SenderSettings(
                "127.0.0.1",
                port,
                maxLineLength,
                maxInFlight,
                Duration.ofMillis(500),
                Duration.ofSeconds(2),
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofMillis(10),
                Duration.ofMillis(80),
                Duration.ofSeconds(2));
    }

    /** Default line limit (16384) and a window of 5000. */
    public static SenderSettings forPort(int port) {
        return forPort(port, 16_384, 5_000);
    }

    /** A port nothing listens on (bound, then released). */
    public static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
