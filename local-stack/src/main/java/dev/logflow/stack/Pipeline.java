package dev.logflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The whole pipeline on one machine, each part in its own process: embedded MongoDB, the Flume agent, loader-svc,
 * dashboard-svc and generator-svc. Used by the local run, the end-to-end tests and the benchmark alike, so what the
 * tests prove is what a user runs.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Pipeline.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String LOOPBACK = "127.0.0.1";
    /** The memory backend holds every document on the heap: about 3 GB for a million generated events. */
    private static final String MONGO_HEAP = "-Xmx6g";

    private static final int TOKEN_BYTES = 24;
    private static final String READY = "/q/health/ready";
    private static final String LIVE = "/q/health/live";
    /** glibc's per-thread malloc arenas inflate the RSS of a JVM by tens of MB for nothing on two cores. */
    private static final Map<String, String> SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final ProjectLayout layout;
    private final PipelineOptions options;
    private final Ports ports;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private final String generatorToken = randomToken();
    private boolean closed;

    public Pipeline(ProjectLayout layout, PipelineOptions options) {
        this.layout = layout;
        this.options = options;
        this.ports = options.fixedPorts() ? Ports.defaults() : Ports.free();
    }

    /**
     * Starts every part in dependency order and waits until each is ready; if one does not start, stops those that
     * did, since the caller gets no pipeline to close.
     */
    public Pipeline startAll() {
        try {
            startMongo();
            startFlume();
            startLoader();
            startDashboard();
            startGenerator();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public void startMongo() {
        List<String> command =
                new ArrayList<>(List.of(java(), MONGO_HEAP, "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(List.of("-cp", layout.localStackClasspath().toString(), EmbeddedMongo.class.getName()));
        command.addAll(List.of("--bind", LOOPBACK, "--port", Integer.toString(ports.mongo())));
        if (options.persistentMongo()) {
            command.addAll(List.of(
                    "--data-file", workDir("mongo").resolve("logflow.mv.db").toString()));
        }
        ManagedProcess mongo = launch("mongodb", command, Map.of());
        startupTimes.put("mongodb", mongo.awaitPort(ports.mongo(), START_TIMEOUT));
    }

    public void startFlume() {
        Map<String, String> env = new HashMap<>(options.flumeEnvironment());
        env.putAll(Map.of(
                "FLUME_PORT", Integer.toString(ports.flume()),
                "FLUME_BIND", LOOPBACK,
                "FLUME_CHANNEL", options.flumeChannel(),
                "FLUME_LOG_DIR", flumeLogDir().toString(),
                "FLUME_DATA_DIR", workDir("flume/data").toString(),
                "FLUME_LOG_HOME", workDir("logs/flume-agent").toString()));
        ManagedProcess flume =
                launch("flume", List.of("bash", layout.flumeLauncher().toString()), env);
        startupTimes.put("flume", flume.awaitPort(ports.flume(), START_TIMEOUT));
    }

    public void startLoader() {
        startService(
                "loader-svc",
                ports.loader(),
                Map.of(
                        "quarkus.mongodb.connection-string", mongoConnectionString(),
                        "logflow.loader.directory", flumeLogDir().toString(),
                        "logflow.loader.id", "loader-1"));
    }

    public void startDashboard() {
        startService(
                "dashboard-svc",
                ports.dashboard(),
                Map.of("quarkus.mongodb.connection-string", mongoConnectionString()));
    }

    /** Starts the generator and waits until it is ready, that is until it reaches Flume. */
    public void startGenerator() {
        startGenerator(READY);
    }

    /**
     * Starts the generator and waits only until it is alive: its readiness stays down while Flume is, so this is how
     * a run begins before Flume is up.
     */
    public void startGeneratorWithoutFlume() {
        startGenerator(LIVE);
    }

    private void startGenerator(String healthPath) {
        Map<String, String> environment = new HashMap<>(SERVICE_ENVIRONMENT);
        environment.put("LOGFLOW_GENERATOR_CONTROL_TOKEN", generatorToken);
        environment.put("LOGFLOW_GENERATOR_REPLAY_ALLOWED_DIRS", String.join(",", replayDirs()));
        startService(
                "generator-svc",
                ports.generator(),
                healthPath,
                environment,
                Map.of(
                        "logflow.generator.flume-host", LOOPBACK,
                        "logflow.generator.flume-port", Integer.toString(ports.flume()),
                        "logflow.generator.autostart", Boolean.toString(options.generatorAutostart()),
                        "logflow.generator.rate", Integer.toString(options.generatorRate()),
                        "logflow.generator.connections", Integer.toString(options.generatorConnections())));
    }

    private void startService(String module, int port, Map<String, String> properties) {
        startService(module, port, READY, SERVICE_ENVIRONMENT, properties);
    }

    /**
     * Starts a service and waits until {@code healthPath} answers 200. Secrets go in the environment, where other
     * users cannot read them as they can a command line.
     */
    private void startService(
            String module,
            int port,
            String healthPath,
            Map<String, String> environment,
            Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(options.serviceJavaOptions().trim().split("\\s+")));
        command.add("-Dquarkus.http.host=" + LOOPBACK);
        command.add("-Dquarkus.http.port=" + port);
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(options.serviceProperties().getOrDefault(module, Map.of()));
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", layout.serviceJar(module).toString()));
        ManagedProcess service = launch(module, command, environment);
        startupTimes.put(module, service.awaitHttpOk(serviceUrl(port) + healthPath, START_TIMEOUT));
    }

    private synchronized ManagedProcess launch(String name, List<String> command, Map<String, String> env) {
        if (closed) {
            throw new IllegalStateException("The pipeline is stopping; " + name + " is not started");
        }
        ManagedProcess previous = processes.get(name);
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Path log = workDir("logs").resolve(name + ".log");
        ManagedProcess process = ManagedProcess.start(name, command, env, log);
        processes.put(name, process);
        LOG.debugf("%s started, logging to %s", name, log);
        return process;
    }

    /** Folders the generator may replay files from: the shared samples and those the options name. */
    private List<String> replayDirs() {
        List<String> dirs = new ArrayList<>();
        dirs.add(layout.dataDir().toString());
        options.replayDirs().forEach(dir -> dirs.add(dir.toAbsolutePath().toString()));
        return dirs;
    }

    /** Bearer token of the generator's control API for this run. */
    public String generatorToken() {
        return generatorToken;
    }

    /** The running process of a part, e.g. {@code loader-svc}, for fault injection and measurements. */
    public ManagedProcess process(String name) {
        ManagedProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException(name + " was never started");
        }
        return process;
    }

    /** Every part started so far by name, each with its latest process, in start order. */
    public synchronized Map<String, ManagedProcess> processes() {
        return new LinkedHashMap<>(processes);
    }

    /**
     * Starts a part again, with the settings of its first start, and waits until it is ready: for a part that exited.
     *
     * @param name a name of {@link #processes()}, e.g. {@code loader-svc}
     */
    public void restart(String name) {
        switch (name) {
            case "mongodb" -> startMongo();
            case "flume" -> startFlume();
            case "loader-svc" -> startLoader();
            case "dashboard-svc" -> startDashboard();
            case "generator-svc" -> startGenerator();
            default -> throw new IllegalArgumentException("No part is called " + name);
        }
    }

    /** The parts whose fixed port something else already listens on, by name; empty with free ports. */
    public Map<String, Integer> portsInUse() {
        Map<String, Integer> busy = new LinkedHashMap<>();
        Map.of(
                        "mongodb", ports.mongo(),
                        "flume", ports.flume(),
                        "loader-svc", ports.loader(),
                        "dashboard-svc", ports.dashboard(),
                        "generator-svc", ports.generator())
                .forEach((name, port) -> {
                    if (ManagedProcess.portOpen(port)) {
                        busy.put(name, port);
                    }
                });
        return busy;
    }

    /** Time from launch to ready of the last start of each part. */
    public Map<String, Duration> startupTimes() {
        return startupTimes;
    }

    public String mongoConnectionString() {
        return "mongodb://" + LOOPBACK + ":" + ports.mongo();
    }

    public String dashboardUrl() {
        return serviceUrl(ports.dashboard());
    }

    public String generatorUrl() {
        return serviceUrl(ports.generator());
    }

    public String loaderUrl() {
        return serviceUrl(ports.loader());
    }

    public int flumePort() {
        return ports.flume();
    }

    public Path flumeLogDir() {
        return workDir("flume/log");
    }

    public Path workDir() {
        return options.workDir();
    }

    private static String serviceUrl(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }

    private Path workDir(String relative) {
        Path dir = options.workDir().resolve(relative);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Stops every part, newest first, so producers stop before the stores they feed. */
    @Override
    public void close() {
        List<ManagedProcess> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(processes.values());
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).stop();
        }
    }

    /** The ports of the five parts. */
    record Ports(int mongo, int flume, int loader, int dashboard, int generator) {

        private static final int FREE_PORTS_FROM = 20_000;
        private static final int FREE_PORTS_TO = 32_000;
        private static final int FREE_PORT_ATTEMPTS = 1_000;
        private static final Random RANDOM = new Random();
        private static final Set<Integer> HANDED_OUT = new HashSet<>();

        static Ports defaults() {
            return new Ports(27017, 44444, 8082, 8080, 8081);
        }

        static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }

        /**
         * A port nothing listens on, below Linux's ephemeral range (32768 and up): a port the kernel hands out for
         * {@code bind(0)} can be taken by an outgoing connection before the part that should listen on it starts,
         * which a two-core machine running many clients saw happen. Never the same port twice in one JVM.
         */
        static synchronized int freePort() {
            for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
                int port = FREE_PORTS_FROM + RANDOM.nextInt(FREE_PORTS_TO - FREE_PORTS_FROM);
                if (!HANDED_OUT.contains(port) && bindable(port)) {
                    HANDED_OUT.add(port);
                    return port;
                }
            }
            throw new IllegalStateException("No free port between " + FREE_PORTS_FROM + " and " + FREE_PORTS_TO);
        }

        private static boolean bindable(int port) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
