package dev.logflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** Drives a running pipeline through the services' REST APIs: start runs and replays, wait for them, read status. */
public final class PipelineDriver {

    private static final Duration POLL = Duration.ofMillis(200);

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
}
