package dev.logflow.generator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every setting of generator-svc, under the prefix {@code logflow.generator}.
 *
 * <p>Defaults are the values a local run needs; the Flume side must use netcat with {@code ack-every-event=true}
 * (its default) and a {@code max-line-length} at least as large as {@link #maxLineLength()}.
 */
@ConfigMapping(prefix = "logflow.generator")
public interface GeneratorConfig {

    /**
     * Generator instance id written into every event as {@code source} and as the prefix of {@code id}. Default: a
     * random short id per process start, e.g. {@code gen-k3x9q2}.
     */
    Optional<String> source();

    /** Host of Flume's netcat source. Default {@code 127.0.0.1}. */
    @WithDefault("127.0.0.1")
    String flumeHost();

    /** Port of Flume's netcat source. Default {@code 44444}. */
    @WithDefault("44444")
    int flumePort();

    /** Parallel TCP connections used by a generation run; each replay opens one more. Default 1. */
    @WithDefault("1")
    int connections();

    /**
     * Longest line sent, in UTF-8 bytes including the newline; longer lines are rejected, never sent, because Flume
     * would close the connection and lose the lines behind it. Default 16384.
     */
    @WithDefault("16384")
    int maxLineLength();

    /** Lines per connection accepted but not yet acknowledged by Flume; bounds memory. Default 5000. */
    @WithDefault("5000")
    int maxInFlight();

    /** Target rate in events per second; 0 or negative means as fast as possible. Default 50. */
    @WithDefault("50")
    double rate();

    /** Events per run; absent means unlimited. */
    OptionalLong total();

    /** Start generating when the service starts. Default true ({@code false} in the test profile). */
    @WithDefault("true")
    boolean autostart();

    /**
     * Log files replayed through Flume at start-up, each on its own connection. They obey the same directory rule as
     * the replay API ({@link Replay#allowedDirs()}); a file outside is skipped with a warning.
     */
    Optional<List<String>> replayFiles();

    /** Who may use the control endpoints (start, stop, rate, replay). */
    Control control();

    /** Which files may be replayed. */
    Replay replay();

    /** Connection settings towards Flume. */
    Flume flume();

    /** Share of HTTP status classes among generated events. */
    StatusMix statusMix();

    /** How log levels are derived from the status. */
    LevelMix levelMix();

    /** Readiness probe of Flume. */
    Health health();

    /**
     * Protection of the control endpoints; the read-only ones ({@code GET status}, {@code GET replay/{id}}) stay
     * open.
     */
    interface Control {

        /**
         * Shared secret every control request must carry as {@code Authorization: Bearer <token>}. Absent by default;
         * then {@link #openWithoutToken()} decides. Never logged.
         */
        Optional<String> token();

        /**
         * What happens when no {@link #token()} is set: true leaves the control endpoints open, false answers them
         * 403. Default false (safe for the packaged jar, whose profile is {@code prod}); true in {@code dev} and
         * {@code test} (see application.properties).
         */
        @WithDefault("false")
        boolean openWithoutToken();
    }

    /** Where replayed files may come from. */
    interface Replay {

        /**
         * Directories whose files (after resolving symlinks) may be replayed, by the API and at start-up. Absent by
         * default; then {@link #anyFileWithoutAllowedDirs()} decides.
         */
        Optional<List<String>> allowedDirs();

        /**
         * What happens when {@link #allowedDirs()} is not set: true lets any readable file be replayed, false refuses
         * every replay with a 403. Default false (the packaged jar replays nothing it was not allowed to); true in
         * {@code dev} and {@code test} (see application.properties).
         */
        @WithDefault("false")
        boolean anyFileWithoutAllowedDirs();
    }

    /** Timeouts and back-off of the netcat connections. */
    interface Flume {

        /** Timeout of one TCP connect attempt. Default 1 s. */
        @WithDefault("1s")
        Duration connectTimeout();

        /**
         * A connection with lines in flight and no answer from Flume for this long is considered dead: it is closed
         * and its unacknowledged lines are resent. Flume answers a full channel within its keep-alive (3 s). Default
         * 20 s.
         */
        @WithDefault("20s")
        Duration ackTimeout();

        /** First delay before reconnecting; doubles after each failed attempt. Default 100 ms. */
        @WithDefault("100ms")
        Duration reconnectMinDelay();

        /** Cap of the reconnect delay. Default 5 s. */
        @WithDefault("5s")
        Duration reconnectMaxDelay();

        /**
         * Pause of a connection's writes after a {@code FAILED} answer (Flume's channel is full), before the line is
         * resent. Each further {@code FAILED} doubles it up to {@link #failedRetryMaxDelay()}, and while it lasts the
         * connection sends one line at a time; the first {@code OK} restores full speed. Default 200 ms.
         */
        @WithDefault("200ms")
        Duration failedRetryDelay();

        /** Cap of the pause after repeated {@code FAILED} answers. Default 5 s. */
        @WithDefault("5s")
        Duration failedRetryMaxDelay();

        /** How long stopping waits for lines in flight to be acknowledged before closing. Default 3 s. */
        @WithDefault("3s")
        Duration drainTimeout();
    }

    /** Relative weights of the HTTP status classes; they need not add up to 100. */
    interface StatusMix {

        /** Weight of 2xx answers. Default 85. */
        @WithName("2xx")
        @WithDefault("85")
        double success();

        /** Weight of 3xx answers. Default 5. */
        @WithName("3xx")
        @WithDefault("5")
        double redirect();

        /** Weight of 4xx answers. Default 8.5. */
        @WithName("4xx")
        @WithDefault("8.5")
        double clientError();

        /** Weight of 5xx answers. Default 1.5. */
        @WithName("5xx")
        @WithDefault("1.5")
        double serverError();
    }

    /** Probabilities (0..1) used to derive the level of an event from its status. */
    interface LevelMix {

        /** Share of 2xx and 3xx events logged at DEBUG instead of INFO. Default 0.1. */
        @WithDefault("0.1")
        double debug();

        /** Share of 4xx events logged at WARN; the rest are INFO. Default 0.9. */
        @WithName("warn-for-4xx")
        @WithDefault("0.9")
        double warnFor4xx();

        /** Share of 5xx events logged at ERROR; the rest are WARN. Default 0.9. */
        @WithName("error-for-5xx")
        @WithDefault("0.9")
        double errorFor5xx();
    }

    /** Readiness probe settings. */
    interface Health {

        /** Timeout of the TCP connect that checks Flume. Default 500 ms. */
        @WithDefault("500ms")
        Duration probeTimeout();

        /** How long a probe result is reused. Default 2 s. */
        @WithDefault("2s")
        Duration cacheTtl();
    }
}
