package dev.logflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** Drives a running pipeline through the services' REST APIs: start runs and replays, wait for them, read status. */
public final class PipelineDriver {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient PROBE_CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Pipeline pipeline;
    private final JsonHttp http;

    public PipelineDriver(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.http = new JsonHttp(pipeline.generatorToken());
    }

    /** Starts generating {@code total} events at {@code rate} per second (0: as fast as possible). */
    public JsonNode startRun(int rate, long total) {
        return http.post(pipeline.generatorUrl() + "/api/generator/start", Map.of("rate", rate, "total", total));
    }

    /** Replays a log file line by line through Flume, as real logs would arrive. */
    public JsonNode replay(Path file) {
        return http.post(
                pipeline.generatorUrl() + "/api/generator/replay",
                Map.of("file", file.toAbsolutePath().toString()));
    }

    public JsonNode generatorStatus() {
        return http.get(pipeline.generatorUrl() + "/api/generator/status");
    }

    public JsonNode loaderStatus() {
        return http.get(pipeline.loaderUrl() + "/api/loader/status");
    }

    /** Events the loader knows never arrived, from the per-source sequence numbers it stored. */
    public long missingEvents() {
        return http.get(pipeline.loaderUrl() + "/api/loader/gaps")
                .path("missing")
                .asLong(-1);
    }

    /** The loader's readiness as a probe sees it: 200 with every check UP, or 503 naming the check that failed. */
    public Answer loaderReadiness() {
        return probe(pipeline.loaderUrl() + "/q/health/ready", Duration.ofSeconds(30));
    }

    public Answer loaderLiveness() {
        return probe(pipeline.loaderUrl() + "/q/health/live", Duration.ofSeconds(30));
    }

    /** {@code GET /api/data} of the dashboard with a query string such as {@code window=60m}. */
    public Answer dashboardData(String query, Duration timeout) {
        return probe(pipeline.dashboardUrl() + "/api/data?" + query, timeout);
    }

    /**
     * One GET that never throws: the status (-1 when nothing came back within {@code timeout}), how long the answer
     * took and its body, so a test can assert what a user of the endpoint sees, errors included.
     */
    public static Answer probe(String url, Duration timeout) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        Instant start = Instant.now();
        try {
            HttpResponse<String> response = PROBE_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), Duration.between(start, Instant.now()), response.body());
        } catch (HttpTimeoutException e) {
            return new Answer(-1, Duration.between(start, Instant.now()), "no answer within " + timeout);
        } catch (IOException e) {
            return new Answer(-1, Duration.between(start, Instant.now()), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Waits until Flume acknowledged every event of the current run and every replayed line. */
    public JsonNode awaitGeneratorDone(Duration timeout) {
        return await("the generator to finish", timeout, this::generatorStatus, PipelineDriver::generatorDone);
    }

    /** Waits until the loader has nothing left to read. */
    public JsonNode awaitLoaderIdle(Duration timeout) {
        return await(
                "the loader to catch up",
                timeout,
                this::loaderStatus,
                s -> s.path("lagBytes").asLong(-1) == 0);
    }

    static boolean generatorDone(JsonNode status) {
        long total = status.path("total").asLong(-1);
        boolean runDone = total < 0 || status.path("acked").asLong() >= total;
        boolean replaysDone = true;
        for (JsonNode replay : status.path("replays")) {
            replaysDone &= !"RUNNING".equals(replay.path("state").asText());
        }
        return runDone && replaysDone;
    }

    /** Polls {@code read} until {@code done} holds, failing with the last value seen. */
    public static <T> T await(String what, Duration timeout, java.util.function.Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            ManagedProcess.sleep(POLL);
        }
        throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what + "; last: " + last);
    }

    /** What one HTTP GET answered, and how long it took. */
    public record Answer(int status, Duration elapsed, String body) {

        /** The body as JSON, or an empty object when it is not JSON. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                return MAPPER.createObjectNode();
            }
        }
    }
}
