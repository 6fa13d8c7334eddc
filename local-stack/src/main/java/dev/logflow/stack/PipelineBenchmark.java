package dev.logflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Pushes a fixed number of generated events through the whole pipeline as fast as it goes and prints figures:
 * events per second end to end and per stage, CPU seconds and peak RSS per process, the loader's batch sizes and
 * start-up times. It measures; it never fails on a figure.
 */
@Command(
        name = "logflow-bench",
        mixinStandardHelpOptions = true,
        description = "Measures the pipeline end to end and per stage.")
public final class PipelineBenchmark implements Callable<Integer> {

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    @Option(names = "--events", defaultValue = "1000000", description = "Events to send (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(
            names = "--connections",
            defaultValue = "4",
            description = "Generator connections to Flume (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(
            names = "--flume-channel",
            defaultValue = "memory",
            description = "memory or file (default: ${DEFAULT-VALUE}).")
    String flumeChannel;

    @Option(
            names = "--loader",
            defaultValue = "logflow",
            description = "logflow (loader-svc) or plain (a yardstick loader without any guarantee, see PlainLoader) "
                    + "(default: ${DEFAULT-VALUE}).")
    String loaderKind;

    @Option(
            names = "--service-java-options",
            description = "JVM options of the three services (default: " + PipelineOptions.DEFAULT_SERVICE_JAVA_OPTIONS
                    + ").")
    String serviceJavaOptions = PipelineOptions.DEFAULT_SERVICE_JAVA_OPTIONS;

    @Option(
            names = "--work-dir",
            description = "Scratch folder, emptied first (default: local-stack/target/bench in the repository).")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Thread plainLoaderThread;
    private final Map<String, Double> stageDoneSeconds = new LinkedHashMap<>();
    private final Map<Path, Long> scannedBytes = new HashMap<>();
    private long flumeLines;

    public static void main(String[] args) {
        Logging.configure();
        System.exit(new CommandLine(new PipelineBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        Path dir = WorkDirs.emptied(
                workDir != null ? workDir.toAbsolutePath() : layout.root().resolve("local-stack/target/bench"));
        PipelineOptions options = PipelineOptions.isolated(dir)
                .withFlumeChannel(flumeChannel)
                .withGeneratorConnections(connections)
                .withServiceJavaOptions(serviceJavaOptions);
        try (Pipeline pipeline = new Pipeline(layout, options)) {
            pipeline.startMongo();
            pipeline.startFlume();
            PlainLoader plain = plainLoader() ? startPlainLoader(pipeline) : null;
            if (plain == null) {
                pipeline.startLoader();
            }
            pipeline.startGenerator();
            PipelineDriver driver = new PipelineDriver(pipeline);
            long start = System.nanoTime();
            driver.startRun(0, events);
            JsonNode loader = followStages(pipeline, driver, plain, start);
            pipeline.processes().values().forEach(ManagedProcess::sample);
            print(pipeline, loader);
            if (plain != null) {
                plain.stop();
            }
        }
        return 0;
    }

    private boolean plainLoader() {
        return "plain".equals(loaderKind);
    }

    private PlainLoader startPlainLoader(Pipeline pipeline) {
        PlainLoader plain = new PlainLoader(pipeline.flumeLogDir(), pipeline.mongoConnectionString());
        plainLoaderThread = new Thread(plain, "plain-loader");
        plainLoaderThread.setDaemon(true);
        plainLoaderThread.start();
        return plain;
    }

    private JsonNode followStages(Pipeline pipeline, PipelineDriver driver, PlainLoader plain, long start) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode loader = MissingNode.getInstance();
        while (stageDoneSeconds.size() < 3 && System.nanoTime() < deadline) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            markIfDone(
                    "generator (acked by Flume)",
                    driver.generatorStatus().path("acked").asLong(),
                    elapsed);
            markIfDone("flume (lines in files)", countFlumeLines(pipeline.flumeLogDir()), elapsed);
            if (plain == null) {
                loader = driver.loaderStatus();
            }
            long inserted = plain == null ? loader.path("inserted").asLong() : plain.inserted();
            markIfDone("loader (inserted)", inserted, elapsed);
            pipeline.processes().values().forEach(ManagedProcess::sample);
            requireAllAlive(pipeline);
            ManagedProcess.sleep(SAMPLE_EVERY);
        }
        return loader;
    }

    private static void requireAllAlive(Pipeline pipeline) {
        for (ManagedProcess process : pipeline.processes().values()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " died during the run; see " + process.logFile());
            }
        }
    }

    private void markIfDone(String stage, long count, double elapsedSeconds) {
        if (count >= events) {
            stageDoneSeconds.putIfAbsent(stage, elapsedSeconds);
        }
    }

    /** Counts newlines Flume has written so far, reading each file only past what was already counted. */
    private long countFlumeLines(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(this::countNewLines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flumeLines;
    }

    private void countNewLines(Path file) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = scannedBytes.getOrDefault(file, 0L);
            int read;
            while ((read = channel.read(buffer, position)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer.get(i) == '\n') {
                        flumeLines++;
                    }
                }
                position += read;
                buffer.clear();
            }
            scannedBytes.put(file, position);
        } catch (IOException e) {
            // The loader may delete a loaded file between listing and reading; its lines were counted before.
        }
    }

    private void print(Pipeline pipeline, JsonNode loader) {
        PrintWriter writer = spec.commandLine().getOut();
        writer.println(report(pipeline, loader));
        writer.flush();
    }

    private StringBuilder report(Pipeline pipeline, JsonNode loader) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%nlogflow pipeline benchmark: %,d events, %d generator connection(s), Flume %s channel%n%n",
                events, connections, flumeChannel));
        out.append(String.format("loader: %s%n%n", plainLoader() ? "plain yardstick" : "loader-svc"));
        out.append(String.format("%-30s %12s %14s%n", "stage", "done after s", "events/s"));
        stageDoneSeconds.forEach((stage, seconds) ->
                out.append(String.format("%-30s %12.2f %,14.0f%n", stage, seconds, events / seconds)));
        if (stageDoneSeconds.size() < 3) {
            out.append("NOT COMPLETE within ")
                    .append(TIMEOUT)
                    .append(": see the logs under ")
                    .append(pipeline.workDir());
        }
        double endToEnd = stageDoneSeconds.getOrDefault("loader (inserted)", Double.NaN);
        out.append(String.format("%nend to end: %,.0f events/s%n", events / endToEnd));
        out.append(String.format("%n%-14s %10s %12s %12s%n", "process", "CPU s", "peak RSS MB", "start-up ms"));
        pipeline.processes()
                .forEach((name, process) -> out.append(String.format(
                        "%-14s %10.1f %12.1f %12d%n",
                        name,
                        process.cpuSeconds(),
                        process.peakRssKb() / 1024.0,
                        pipeline.startupTimes().get(name).toMillis())));
        if (plainLoaderThread != null) {
            double cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(plainLoaderThread.getId()) / 1e9;
            out.append(String.format("%-14s %10.1f %12s %12s%n", "plain loader", cpu, "(in bench)", "-"));
            out.append(String.format("%nyardstick: plain insertMany of 1000, no checkpoints, ids or rollups%n"));
            return out;
        }
        out.append(String.format(
                "%nloader batches: %s%nloader duplicates: %s, dead letters: %s%n",
                loader.path("batches"), loader.path("duplicates"), loader.path("deadLetters")));
        return out;
    }
}
