package dev.logflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A child process of the local stack: started with its output in a log file, stopped gracefully or killed, and
 * measured (CPU seconds, peak resident memory) from {@code /proc} while it runs.
 */
public final class ManagedProcess {

    private static final Logger LOG = Logger.getLogger(ManagedProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt;
    private volatile long peakRssKb;
    private volatile double cpuSeconds;

    private ManagedProcess(String name, Process process, Path logFile, Instant startedAt) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.startedAt = startedAt;
    }

    /** Starts {@code command} with extra environment variables, appending its output to {@code logFile}. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            Instant startedAt = Instant.now();
            Process process = builder.start();
            LOG.debugf("Started %s (pid %d): %s", name, process.pid(), command);
            return new ManagedProcess(name, process, logFile, startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has exited. */
    public int exitCode() {
        return process.exitValue();
    }

    /** When the process was started. */
    public Instant startedAt() {
        return startedAt;
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits until {@code url} answers 200, failing early with the log's location if the process dies. */
    public Duration awaitHttpOk(String url, Duration timeout) {
        return awaitCondition(() -> httpOk(url), "HTTP 200 from " + url, timeout);
    }

    /** Waits until something accepts TCP connections on {@code port} of 127.0.0.1. */
    public Duration awaitPort(int port, Duration timeout) {
        return awaitCondition(() -> portOpen(port), "port " + port + " to open", timeout);
    }

    private Duration awaitCondition(Check check, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while waiting for "
                        + what + "; see " + logFile);
            }
            if (check.passes()) {
                return Duration.between(startedAt, Instant.now());
            }
            sample();
            sleep(POLL);
        }
        throw new IllegalStateException(name + " did not reach " + what + " within " + timeout + "; see " + logFile);
    }

    /** SIGTERM, then SIGKILL if it has not exited after a grace period. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        sample();
        process.destroy();
        if (!waitFor(GRACE)) {
            LOG.warnf("%s did not stop within %s, killing it", name, GRACE);
            process.destroyForcibly();
            waitFor(GRACE);
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        waitFor(GRACE);
    }

    /** SIGSTOP: the process freezes where it is, holding its files and sockets, until {@link #resume()}. */
    public void suspend() {
        signal("STOP");
    }

    /** SIGCONT: a process frozen by {@link #suspend()} carries on from where it stopped. */
    public void resume() {
        signal("CONT");
    }

    /** Java can send only SIGTERM and SIGKILL itself, so other signals go through kill(1). */
    private void signal(String signal) {
        List<String> command = List.of("kill", "-" + signal, Long.toString(process.pid()));
        try {
            int status = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (status != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed with " + status + " (" + name + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        LOG.debugf("Sent SIG%s to %s (pid %d)", signal, name, process.pid());
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Reads CPU time and the peak RSS (VmHWM) from /proc; call it while the process runs, before stopping it. */
    public void sample() {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            String[] stat =
                    Files.readString(proc.resolve("stat")).split("\\) ", 2)[1].split(" ");
            long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            cpuSeconds = (double) ticks / CLOCK_TICKS_PER_SECOND;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Could not sample %s: %s", name, e.getMessage());
        }
    }

    public double cpuSeconds() {
        return cpuSeconds;
    }

    public long peakRssKb() {
        return peakRssKb;
    }

    static boolean httpOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean passes();
    }
}
