package dev.logflow.flume.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A real Flume agent started from the assembled {@code target/flume} with {@code bash bin/flume-agent}, the way
 * the local run and the container start it. It listens on 127.0.0.1 and keeps every directory under one work
 * directory of the test.
 */
public final class FlumeAgent implements AutoCloseable {

    /** System property (set by failsafe) naming the assembled agent; falls back to {@code target/flume}. */
    public static final String FLUME_HOME_PROPERTY = "logflow.flume.home";

    private static final Logger LOG = Logger.getLogger(FlumeAgent.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PROBE_PAUSE = Duration.ofMillis(50);
    private static final int PROBE_CONNECT_MILLIS = 200;
    private static final int CONSOLE_TAIL_LINES = 40;

    private final Process process;
    private final Launch launch;
    private final long launchedAtMillis;

    private FlumeAgent(Process process, Launch launch, long launchedAtMillis) {
        this.process = process;
        this.launch = launch;
        this.launchedAtMillis = launchedAtMillis;
    }

    /** Prepares a launch with the given channel, a free port and fresh directories under {@code workDir}. */
    public static Launch launch(String channel, Path workDir) {
        return new Launch(workDir).env("FLUME_CHANNEL", channel);
    }

    /** The assembled agent this test run uses. */
    public static Path flumeHome() {
        Path home = Path.of(System.getProperty(FLUME_HOME_PROPERTY, "target/flume"));
        if (!Files.isRegularFile(home.resolve("bin/flume-agent"))) {
            throw new IllegalStateException("No assembled Flume agent at " + home.toAbsolutePath()
                    + ": run `./mvnw -pl flume-image verify`, which assembles it at `package` first");
        }
        return home;
    }

    public int port() {
        return launch.port();
    }

    /** Where the file_roll sink writes events (FLUME_LOG_DIR). */
    public Path eventDir() {
        return launch.eventDir();
    }

    /** Wall-clock time just before the launcher was started. */
    public long launchedAtMillis() {
        return launchedAtMillis;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the agent with SIGTERM, as Kubernetes does, and returns the JVM's exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("Agent %d ignored SIGTERM for %s, killing it", process.pid(), STOP_TIMEOUT);
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** Kills the agent with SIGKILL: no shutdown hook runs, as after a crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The last lines the launcher and the agent printed, for failure messages. */
    public String consoleTail() {
        return launch.consoleTail();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private FlumeAgent awaitPortOpen() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Flume agent exited with status " + process.exitValue()
                        + " before opening port " + port() + ":\n" + consoleTail());
            }
            if (acceptsConnections()) {
                LOG.infof("Flume agent %d (%s channel) listens on port %d", pid(), launch.channel(), port());
                return this;
            }
            Thread.sleep(PROBE_PAUSE.toMillis());
        }
        close();
        throw new IllegalStateException(
                "Flume agent did not open port " + port() + " within " + STARTUP_TIMEOUT + ":\n" + consoleTail());
    }

    /** Connects and closes without writing: a probe that sent even "\n" would become an empty event. */
    private boolean acceptsConnections() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(LOOPBACK, port()), PROBE_CONNECT_MILLIS);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The environment of one launch; every directory lives under the test's work directory. */
    public static final class Launch {

        private final Path workDir;
        private final Map<String, String> env = new HashMap<>();

        private Launch(Path workDir) {
            this.workDir = workDir;
            env.put("FLUME_PORT", Integer.toString(freePort()));
            env.put("FLUME_BIND", LOOPBACK);
            env.put("FLUME_LOG_DIR", workDir.resolve("events").toString());
            env.put("FLUME_DATA_DIR", workDir.resolve("data").toString());
            env.put("FLUME_LOG_HOME", workDir.resolve("agent-logs").toString());
        }

        /** Sets one variable of the launcher's environment. */
        public Launch env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Removes one variable from the launcher's environment, so the launcher's default applies. */
        public Launch unset(String name) {
            env.remove(name);
            return this;
        }

        /** Picks another free port on 127.0.0.1 for an extra listener such as FLUME_METRICS_PORT. */
        public static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Starts the agent and waits until its netcat source accepts connections. Starting the same launch again
         * restarts the agent on the same port and directories.
         */
        public FlumeAgent start() throws IOException, InterruptedException {
            long launchedAt = System.currentTimeMillis();
            Process process = processBuilder().start();
            return new FlumeAgent(process, this, launchedAt).awaitPortOpen();
        }

        /** Runs the launcher for a configuration it must refuse, and returns its exit status. */
        public int runExpectingExit(Duration timeout) throws IOException, InterruptedException {
            Process process = processBuilder().start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("Launcher still running after " + timeout + ":\n" + consoleTail());
            }
            return process.exitValue();
        }

        /** Everything the launcher and the agent printed so far. */
        public String console() {
            try {
                return Files.readString(consoleFile(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return Integer.parseInt(env.get("FLUME_PORT"));
        }

        Path eventDir() {
            return Path.of(env.get("FLUME_LOG_DIR"));
        }

        String channel() {
            return env.get("FLUME_CHANNEL");
        }

        String consoleTail() {
            List<String> lines = console().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - CONSOLE_TAIL_LINES), lines.size()));
        }

        private ProcessBuilder processBuilder() {
            ProcessBuilder builder = new ProcessBuilder(
                    "bash", flumeHome().resolve("bin/flume-agent").toString());
            builder.environment().putAll(env);
            builder.redirectErrorStream(true);
            builder.redirectOutput(
                    ProcessBuilder.Redirect.appendTo(consoleFile().toFile()));
            return builder;
        }

        private Path consoleFile() {
            return workDir.resolve("console.txt");
        }
    }
}
