package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local run's supervisor: a part killed with {@code kill -9} is started again on its own and the run goes on
 * without a loss; a part stopped on purpose (SIGTERM, as Ctrl-C stops them all) stays stopped.
 */
class SupervisorIT {

    private static final int EVENTS = 40_000;
    private static final int EVENTS_PER_SECOND = 10_000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private Pipeline pipeline;
    private Supervisor supervisor;
    private StoredEvents stored;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (stored != null) {
            stored.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aKilledLoaderIsStartedAgainAndTheRunLosesNothingWhileAStoppedPartStaysStopped() {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/supervisor"));
        pipeline = new Pipeline(layout, PipelineOptions.isolated(workDir)).startAll();
        supervisor = Supervisor.watch(pipeline);
        stored = new StoredEvents(pipeline.mongoConnectionString());
        PipelineDriver driver = new PipelineDriver(pipeline);

        String source =
                driver.startRun(EVENTS_PER_SECOND, EVENTS).path("source").asText();
        PipelineDriver.await("a quarter of the run stored", WAIT, stored::estimatedEvents, n -> n >= EVENTS / 4);
        ManagedProcess killed = pipeline.process("loader-svc");
        killed.kill();
        PipelineDriver.await(
                "the supervisor to start the loader again",
                WAIT,
                () -> pipeline.process("loader-svc"),
                p -> p != killed && p.isAlive());
        ManagedProcess dashboard = pipeline.process("dashboard-svc");
        dashboard.stop();

        driver.awaitGeneratorDone(WAIT);
        PipelineDriver.await("every event stored", WAIT, stored::estimatedEvents, n -> n >= EVENTS);
        driver.awaitLoaderIdle(WAIT);
        DeliveryCheck check = DeliveryCheck.measure(stored, driver, source, EVENTS);

        check.assertEveryEventExactlyOnce();
        assertThat(supervisor.restarts()).as("parts started again").containsOnlyKeys("loader-svc");
        assertThat(supervisor.restarts().get("loader-svc")).isEqualTo(1);
        assertThat(pipeline.process("dashboard-svc"))
                .as("the dashboard, stopped with SIGTERM")
                .isSameAs(dashboard);
        assertThat(dashboard.isAlive()).isFalse();
    }
}
