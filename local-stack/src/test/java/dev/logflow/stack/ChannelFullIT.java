package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flume's channel fills up because its sink stops: the generator is refused ({@code FAILED}), slows down and resends,
 * and once the sink works again every event of the run is stored exactly once.
 */
class ChannelFullIT {

    private static final int EVENTS = 20_000;
    private static final int EVENTS_PER_SECOND = 2_000;
    /** The generator's default pause after a first FAILED answer (logflow.generator.flume.failed-retry-delay). */
    private static final long FIRST_PAUSE_MILLIS = 200;
    /** How long the test watches the refused generator before it lets the sink work again. */
    private static final Duration WATCH = Duration.ofSeconds(4);

    private Pipeline pipeline;
    private StoredEvents stored;
    private SinkStall stall;

    @AfterEach
    void stop() {
        if (stall != null) {
            stall.close();
        }
        if (stored != null) {
            stored.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void generatorSlowsDownOnAFullChannelAndEveryEventIsStoredOnceTheSinkRecovers() {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/channel-full"));
        pipeline = new Pipeline(layout, tinyChannel(PipelineOptions.isolated(workDir)));
        pipeline.startMongo();
        pipeline.startFlume();
        pipeline.startLoader();
        pipeline.startGenerator();
        stored = new StoredEvents(pipeline.mongoConnectionString());
        PipelineDriver driver = new PipelineDriver(pipeline);

        stall = SinkStall.on(pipeline.flumeLogDir());
        String source =
                driver.startRun(EVENTS_PER_SECOND, EVENTS).path("source").asText();
        JsonNode refused = PipelineDriver.await(
                "Flume to refuse lines and the generator to back off twice",
                Duration.ofMinutes(2),
                driver::generatorStatus,
                s -> s.path("throttled").asBoolean()
                        && s.path("maxBackOffMillis").asLong() >= 2 * FIRST_PAUSE_MILLIS);
        ManagedProcess.sleep(WATCH);
        JsonNode watched = driver.generatorStatus();
        stall.close();
        JsonNode done = driver.awaitGeneratorDone(Duration.ofMinutes(5));
        PipelineDriver.await("every event stored", Duration.ofMinutes(3), stored::events, n -> n >= EVENTS);
        JsonNode loader = driver.awaitLoaderIdle(Duration.ofMinutes(1));

        long sentWhileRefused =
                watched.path("sent").asLong() - refused.path("sent").asLong();
        assertThat(sentWhileRefused)
                .as("new lines sent in %s while Flume refused them (its pace: %d/s)", WATCH, EVENTS_PER_SECOND)
                .isLessThan(EVENTS_PER_SECOND);
        assertThat(watched.path("throttled").asBoolean())
                .as("still slowed down")
                .isTrue();
        assertThat(done.path("failed").asLong()).as("FAILED answers").isPositive();
        assertThat(done.path("resent").asLong())
                .as("lines resent")
                .isGreaterThanOrEqualTo(done.path("failed").asLong());
        assertThat(done.path("backOffs").asLong()).as("back-offs").isPositive();
        assertThat(done.path("maxBackOffMillis").asLong())
                .as("longest pause: the back-off's cap, flume.failed-retry-max-delay")
                .isLessThanOrEqualTo(5_000);
        assertThat(done.path("throttled").asBoolean()).as("back to full speed").isFalse();
        assertThat(done.path("acked").asLong()).isEqualTo(EVENTS);
        assertThat(done.path("rejected").asLong()).isZero();
        DeliveryCheck check = DeliveryCheck.measure(stored, driver, source, EVENTS);
        FaultOutcomes.record(check.outcome(
                "Flume channel full",
                "memory",
                loader.path("duplicates").asLong(),
                "channel of 1000, keep-alive 1 s; the sink directory refused new files from the start of the run"
                        + " until " + WATCH.toSeconds() + " s after the generator backed off twice; generator failed "
                        + done.path("failed").asLong() + ", resent "
                        + done.path("resent").asLong()
                        + ", longest back-off " + done.path("maxBackOffMillis").asLong() + " ms"));
        check.assertEveryEventExactlyOnce();
    }

    /** A channel of 1000 events that refuses after 1 s, and a sink that opens a new file every 2 s. */
    private static PipelineOptions tinyChannel(PipelineOptions options) {
        return options.withFlumeEnvironment("FLUME_CHANNEL_CAPACITY", "1000")
                .withFlumeEnvironment("FLUME_KEEP_ALIVE", "1")
                .withFlumeEnvironment("FLUME_ROLL_INTERVAL", "2");
    }
}
