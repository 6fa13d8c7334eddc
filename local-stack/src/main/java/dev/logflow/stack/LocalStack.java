package dev.logflow.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the whole pipeline on this machine until Ctrl-C: embedded MongoDB (data kept in an H2 file), the Flume agent,
 * loader-svc, dashboard-svc and generator-svc, all on 127.0.0.1 and all keeping their files under one folder.
 */
@Command(
        name = "logflow-local",
        mixinStandardHelpOptions = true,
        description = "Runs the logflow pipeline locally until Ctrl-C.")
public final class LocalStack implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    @Option(names = "--work-dir", description = "Folder for all data and logs (default: .logflow in the repository).")
    Path workDir;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description = "Generated events per second; 0 generates nothing (to replay files only) "
                    + "(default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--flume-channel",
            defaultValue = "memory",
            description = "Flume channel: ${COMPLETION-CANDIDATES}; memory is fast, file survives a Flume crash "
                    + "(default: ${DEFAULT-VALUE}).")
    FlumeChannel flumeChannel;

    @Option(names = "--replay", description = "Log files to replay through Flume once everything runs.")
    Path[] replay = new Path[0];

    public static void main(String[] args) {
        Logging.configure();
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The channels the Flume launcher knows. */
    enum FlumeChannel {
        memory,
        file
    }

    @Override
    public Integer call() throws InterruptedException {
        requireReadable(replay);
        if (rate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be 0 or more");
        }
        ProjectLayout layout = ProjectLayout.locate();
        Path dir = workDir != null ? workDir.toAbsolutePath() : layout.root().resolve(".logflow");
        PipelineOptions options = PipelineOptions.local(dir, rate)
                .withFlumeChannel(flumeChannel.name())
                .withReplayDirs(Arrays.stream(replay)
                        .map(file -> file.toAbsolutePath().getParent())
                        .toList());
        Pipeline pipeline = new Pipeline(layout, options);
        Map<String, Integer> busy = pipeline.portsInUse();
        if (!busy.isEmpty()) {
            LOG.errorf(
                    "Cannot start: these ports are in use already, by another program or a logflow run that is still"
                            + " going (%s): stop it first",
                    busy);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Supervisor> supervisor = new AtomicReference<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stop(supervisor.get(), pipeline, stopped), "logflow-local-stop"));
        pipeline.startAll();
        supervisor.set(Supervisor.watch(pipeline));
        replayFiles(pipeline);
        printWelcome(pipeline);
        stopped.await();
        return 0;
    }

    private void requireReadable(Path[] files) {
        for (Path file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--replay: " + file.toAbsolutePath() + " is not a readable file");
            }
        }
    }

    private void replayFiles(Pipeline pipeline) {
        PipelineDriver driver = new PipelineDriver(pipeline);
        for (Path file : replay) {
            driver.replay(file);
            LOG.infof("Replaying %s through Flume", file.toAbsolutePath());
        }
    }

    private static void printWelcome(Pipeline pipeline) {
        StringBuilder text = new StringBuilder("\n\nlogflow is running. Started in:");
        pipeline.startupTimes()
                .forEach((name, time) -> text.append(String.format("%n  %-14s %5d ms", name, time.toMillis())));
        text.append(String.format(
                "%n%n  Dashboard        %s/%n  Generator API    %s/api/generator/status"
                        + "%n  Loader status    %s/api/loader/status%n  Flume netcat     127.0.0.1:%d"
                        + "%n  Generator token  %s   (header Authorization: Bearer ..., for start/stop/rate/replay)"
                        + "%n  MongoDB          %s/logflow   (Compass, or mongosh 1.x)"
                        + "%n  Data and logs    %s%n%nA part that exits is started again, and said here."
                        + " Press Ctrl-C to stop everything.%n",
                pipeline.dashboardUrl(),
                pipeline.generatorUrl(),
                pipeline.loaderUrl(),
                pipeline.flumePort(),
                pipeline.generatorToken(),
                pipeline.mongoConnectionString(),
                pipeline.workDir()));
        LOG.info(text);
    }

    private static void stop(Supervisor supervisor, Pipeline pipeline, CountDownLatch stopped) {
        LOG.info("Stopping logflow");
        if (supervisor != null) {
            supervisor.close();
        }
        pipeline.close();
        stopped.countDown();
    }
}
