package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generator starts, and is told to run, while Flume is not up yet: it must say so in its readiness, retry with
 * back-off instead of spinning, and deliver the whole run once Flume comes.
 */
class GeneratorBeforeFlumeIT {

    private static final int EVENTS = 20_000;
    private static final Duration FLUME_DOWN = Duration.ofSeconds(12);
    /**
     * The generator's back-off doubles from 100 ms to 5 s: 8 connect attempts in 12 s, a few more on a slow machine.
     * A retry loop without back-off makes thousands.
     */
    private static final long MAX_CONNECT_ATTEMPTS = 15;

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FaultRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void aGeneratorStartedBeforeFlumeRetriesWithBackOffAndThenDeliversEveryEventOnce() throws Exception {
        run = FaultRun.prepare("generator-before-flume", "memory", o -> o);
        run.pipeline.startMongo();
        run.pipeline.startLoader();
        run.pipeline.startGeneratorWithoutFlume();
        run.startRun(0, EVENTS);
        ManagedProcess.sleep(FLUME_DOWN);

        Health down = readiness();
        JsonNode waiting = run.driver.generatorStatus();
        run.pipeline.startFlume();
        Health up = PipelineDriver.await("the generator to be ready", WAIT, this::readiness, h -> h.status() == 200);
        run.awaitSettled(WAIT);

        long attempts = waiting.path("connectErrors").asLong();
        FaultRun.Observation seen = run.observe()
                .record(
                        "Generator started " + FLUME_DOWN.toSeconds() + " s before Flume",
                        "readiness " + down.status() + " naming flume; " + attempts
                                + " connect attempts failed while Flume was down");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.flume().path("status").asText()).isEqualTo("DOWN");
        assertThat(down.flume().path("data").path("flume").asText()).endsWith(":" + run.pipeline.flumePort());
        assertThat(waiting.path("flumeReachable").asBoolean()).isFalse();
        assertThat(waiting.path("acked").asLong()).isZero();
        assertThat(attempts).as("failed connect attempts in %s", FLUME_DOWN).isBetween(2L, MAX_CONNECT_ATTEMPTS);
        assertThat(up.flume().path("status").asText()).isEqualTo("UP");
        assertThat(seen.audit().missing()).as(seen.audit().missingSummary()).isZero();
        assertThat(seen.audit().distinct()).isEqualTo(EVENTS);
        assertThat(seen.audit().storedTwice()).isZero();
        assertThat(seen.reportedGaps()).isZero();
        assertThat(seen.rollupTotal()).isEqualTo(EVENTS);
        assertThat(seen.rollupDifferences())
                .as("rollup keys that disagree with the stored events")
                .isEmpty();
        assertThat(seen.deadLetters()).isZero();
    }

    /** The generator's readiness: its HTTP status and its {@code flume} check. */
    record Health(int status, JsonNode flume) {}

    private Health readiness() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(run.pipeline.generatorUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Health(response.statusCode(), flumeCheck(JSON.readTree(response.body())));
        } catch (IOException e) {
            return new Health(-1, JSON.missingNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static JsonNode flumeCheck(JsonNode health) {
        for (JsonNode check : health.path("checks")) {
            if ("flume".equals(check.path("name").asText())) {
                return check;
            }
        }
        return JSON.missingNode();
    }
}
