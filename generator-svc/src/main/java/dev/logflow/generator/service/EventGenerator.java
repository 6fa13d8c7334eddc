package dev.logflow.generator.service;

import dev.logflow.generator.config.GeneratorConfig;
import dev.logflow.generator.model.LogEvent;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes realistic random log events for one source: service, host and endpoint by their share of traffic, a status
 * class by the configured mix, a level derived from the status, log-normal latencies and sizes, common user agents.
 * Not thread-safe: one generator per generating thread.
 */
public final class EventGenerator {

    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                    + "Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                    + "Mobile Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                    + "Safari/537.36 Edg/131.0.0.0",
            "okhttp/4.12.0",
            "curl/8.5.0",
            "python-requests/2.32.3",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
    private static final double[] USER_AGENT_WEIGHTS = {30, 12, 18, 14, 6, 8, 5, 2, 2, 3};
    private static final double LATENCY_SIGMA = 0.6;
    private static final double BYTES_SIGMA = 0.8;
    private static final int MAX_LATENCY_MS = 60_000;
    private static final int GATEWAY_TIMEOUT_MS = 30_000;
    private static final int MIN_BODY_BYTES = 40;
    private static final int ERROR_BODY_BYTES = 220;
    private static final int REDIRECT_BODY_BYTES = 160;
    private static final double NOT_MODIFIED_LATENCY_FACTOR = 0.3;
    private static final double CLIENT_ERROR_LATENCY_FACTOR = 0.5;
    private static final double SERVER_ERROR_LATENCY_FACTOR = 3;

    private final String source;
    private final double[] statusWeights;
    private final GeneratorConfig.LevelMix levels;
    private final RandomGenerator random;
    private final Clock clock;
    private final UtcMillisFormatter timestamps = new UtcMillisFormatter();

    /**
     * A generator for {@code source}.
     *
     * @throws IllegalArgumentException when a status weight is negative or all are zero
     */
    public EventGenerator(
            String source,
            GeneratorConfig.StatusMix statusMix,
            GeneratorConfig.LevelMix levels,
            RandomGenerator random,
            Clock clock) {
        this.source = source;
        this.statusWeights = weightsOf(statusMix);
        this.levels = levels;
        this.random = random;
        this.clock = clock;
    }

    /** The event with sequence number {@code seq}, time-stamped now. */
    public LogEvent next(long seq) {
        ServiceCatalog.Profile profile = ServiceCatalog.pick(random);
        ServiceCatalog.Endpoint endpoint = profile.endpoint(random);
        String path = endpoint.path(random);
        int statusClass = Weighted.pick(random, statusWeights);
        int status = StatusCodes.pick(statusClass, endpoint.method(), random);
        int latency = latencyMs(profile, status);
        return new LogEvent(
                source + "-" + seq,
                source,
                seq,
                timestamps.format(clock.millis()),
                profile.name(),
                profile.host(random),
                level(statusClass),
                endpoint.method(),
                path,
                status,
                latency,
                bytes(profile, endpoint.method(), status),
                USER_AGENTS.get(Weighted.pick(random, USER_AGENT_WEIGHTS)),
                message(endpoint.method(), path, status, latency));
    }

    private String level(int statusClass) {
        double draw = random.nextDouble();
        return switch (statusClass) {
            case StatusCodes.CLASS_5XX -> draw < levels.errorFor5xx() ? "ERROR" : "WARN";
            case StatusCodes.CLASS_4XX -> draw < levels.warnFor4xx() ? "WARN" : "INFO";
            default -> draw < levels.debug() ? "DEBUG" : "INFO";
        };
    }

    private int latencyMs(ServiceCatalog.Profile profile, int status) {
        if (status == 504) {
            return GATEWAY_TIMEOUT_MS;
        }
        double median = profile.medianLatencyMs() * latencyFactor(status);
        double latency = median * Math.exp(LATENCY_SIGMA * random.nextGaussian());
        return (int) Math.max(1, Math.min(MAX_LATENCY_MS, Math.round(latency)));
    }

    private static double latencyFactor(int status) {
        if (status == 304) {
            return NOT_MODIFIED_LATENCY_FACTOR;
        }
        if (status >= 500) {
            return SERVER_ERROR_LATENCY_FACTOR;
        }
        return status >= 400 ? CLIENT_ERROR_LATENCY_FACTOR : 1;
    }

    private long bytes(ServiceCatalog.Profile profile, String method, int status) {
        if (status == 204 || status == 304 || "HEAD".equals(method)) {
            return 0;
        }
        if (status >= 400) {
            return ERROR_BODY_BYTES + random.nextInt(ERROR_BODY_BYTES);
        }
        if (status >= 300) {
            return REDIRECT_BODY_BYTES;
        }
        double size = profile.typicalBytes() * Math.exp(BYTES_SIGMA * random.nextGaussian());
        return Math.max(MIN_BODY_BYTES, Math.round(size));
    }

    private static String message(String method, String path, int status, int latency) {
        StringBuilder message = new StringBuilder(path.length() + 48)
                .append(method)
                .append(' ')
                .append(path)
                .append(' ')
                .append(status)
                .append(' ')
                .append(latency)
                .append("ms");
        String reason = StatusCodes.reason(status);
        if (reason != null) {
            message.append(" - ").append(reason);
        }
        return message.toString();
    }

    private static double[] weightsOf(GeneratorConfig.StatusMix mix) {
        double[] weights = {mix.success(), mix.redirect(), mix.clientError(), mix.serverError()};
        double total = 0;
        for (double weight : weights) {
            if (weight < 0 || Double.isNaN(weight)) {
                throw new IllegalArgumentException("logflow.generator.status-mix weights must not be negative");
            }
            total += weight;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("logflow.generator.status-mix weights must not all be 0");
        }
        return weights;
    }
}
