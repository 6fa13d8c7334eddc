package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline a user runs, end to end: generator-svc sends generated events and replays the real Apache sample
 * through a real Flume agent; loader-svc stores them in the embedded MongoDB.
 */
class PipelineEndToEndIT {

    private static final int GENERATED = 100_000;
    private static final int APACHE_LINES = 10_000;

    /** Status counts of apache-access-10k.log, as listed in ../shared/data/README.md. */
    private static final Map<Integer, Long> APACHE_STATUS_COUNTS =
            Map.of(200, 9126L, 304, 445L, 404, 213L, 301, 164L, 206, 45L, 500, 3L, 416, 2L, 403, 2L);

    private static Pipeline pipeline;
    private static PipelineDriver driver;
    private static StoredEvents stored;
    private static String source;

    @BeforeAll
    static void runThePipeline() {
        ProjectLayout layout = ProjectLayout.locate();
        Path apacheSample = layout.sample("apache-access-10k.log");
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/end-to-end"));
        pipeline = new Pipeline(layout, PipelineOptions.isolated(workDir)).startAll();
        driver = new PipelineDriver(pipeline);
        stored = new StoredEvents(pipeline.mongoConnectionString());

        source = driver.startRun(0, GENERATED).path("source").asText();
        driver.replay(apacheSample);
        driver.awaitGeneratorDone(Duration.ofMinutes(5));
        PipelineDriver.await(
                "all events stored", Duration.ofMinutes(5), stored::events, n -> n >= GENERATED + APACHE_LINES);
        driver.awaitLoaderIdle(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopThePipeline() {
        if (stored != null) {
            stored.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void storesEveryEventExactlyOnce() {
        assertThat(stored.events()).isEqualTo(GENERATED + APACHE_LINES);
        assertThat(stored.sequenceSpan(source)).isEqualTo(new StoredEvents.SequenceSpan(GENERATED, 1, GENERATED));
        assertThat(stored.events(Filters.eq("service", "apache"))).isEqualTo(APACHE_LINES);
        assertThat(driver.missingEvents())
                .as("events the loader reports missing")
                .isZero();
    }

    @Test
    void deadLettersNothingFromGoodInput() {
        assertThat(stored.deadLetters())
                .as("dead letters: %s", stored.deadLetterSamples())
                .isZero();
    }

    @Test
    void reproducesTheApacheSampleStatusCounts() {
        assertThat(stored.statusCounts(Filters.eq("service", "apache"))).isEqualTo(APACHE_STATUS_COUNTS);
        assertThat(stored.rollupStatusCounts("apache")).isEqualTo(APACHE_STATUS_COUNTS);
        assertThat(stored.distinctRollupMinutes("apache")).isEqualTo(84);
    }

    @Test
    void rollupsCountEveryStoredEventOnce() {
        assertThat(stored.rollupTotal()).isEqualTo(stored.events());
        assertThat(stored.rollupDifferences())
                .as("rollup keys that disagree with the stored events")
                .isEmpty();
    }

    @Test
    void generatorReportsEveryEventAcknowledged() {
        JsonNode status = driver.generatorStatus();
        assertThat(status.path("acked").asLong()).isGreaterThanOrEqualTo(GENERATED);
        assertThat(status.path("rejected").asLong()).isZero();
    }

    @Test
    void refusesGeneratorControlWithoutTheRunsToken() {
        JsonHttp anonymous = new JsonHttp();
        assertThatThrownBy(() -> anonymous.post(pipeline.generatorUrl() + "/api/generator/stop", Map.of()))
                .hasMessageContaining("answered 401");
    }
}
