package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kill -9 of the loader mid-run loses nothing and doubles nothing, in the events and in the rollups. */
class LoaderRestartIT {

    private static final int EVENTS = 100_000;
    private static final int EVENTS_PER_SECOND = 25_000;

    private Pipeline pipeline;
    private StoredEvents stored;

    @AfterEach
    void stop() {
        if (stored != null) {
            stored.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void killingTheLoaderTwiceMidRunStoresEveryEventExactlyOnce() {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/restart"));
        pipeline = new Pipeline(layout, PipelineOptions.isolated(workDir));
        pipeline.startMongo();
        pipeline.startFlume();
        pipeline.startLoader();
        pipeline.startGenerator();
        stored = new StoredEvents(pipeline.mongoConnectionString());
        PipelineDriver driver = new PipelineDriver(pipeline);

        String source =
                driver.startRun(EVENTS_PER_SECOND, EVENTS).path("source").asText();
        killLoaderOnceStored(EVENTS / 4);
        killLoaderOnceStored(EVENTS * 5 / 8);
        driver.awaitGeneratorDone(Duration.ofMinutes(3));
        PipelineDriver.await("every event stored", Duration.ofMinutes(3), stored::events, n -> n >= EVENTS);
        driver.awaitLoaderIdle(Duration.ofMinutes(1));

        assertThat(stored.events()).isEqualTo(EVENTS);
        assertThat(stored.sequenceSpan(source)).isEqualTo(new StoredEvents.SequenceSpan(EVENTS, 1, EVENTS));
        assertThat(stored.rollupTotal()).isEqualTo(EVENTS);
        assertThat(stored.deadLetters()).isZero();
        assertThat(driver.missingEvents())
                .as("events the loader reports missing")
                .isZero();
    }

    private void killLoaderOnceStored(long events) {
        PipelineDriver.await(events + " events stored", Duration.ofMinutes(2), stored::events, n -> n >= events);
        pipeline.process("loader-svc").kill();
        pipeline.startLoader();
    }
}
