package dev.logflow.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps a local run whole, as Kubernetes keeps a pod's containers: once a second it looks at every part, and one that
 * exited (a crash, an out-of-memory kill, a {@code kill -9}) is said on the console and started again with the same
 * settings. A part that keeps exiting soon after its start waits longer each time, from 1 s up to 30 s, so a part that
 * cannot run does not spin.
 *
 * <p>What a restart means for the data is what the delivery guarantees say: the loader finishes its pending batch
 * and loses nothing, MongoDB comes back with its data (the local run keeps it in a file), Flume's memory channel
 * loses what it held and the loader's gap count shows it, a restarted generator begins a new source.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Supervisor.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** A part that ran this long before it exited is started again after {@link #FIRST_DELAY}. */
    private static final Duration STABLE = Duration.ofMinutes(1);
    /**
     * Exit codes of a process that obeyed SIGINT (130) or SIGTERM (143): Ctrl-C reaches every part of the run at
     * once, and a part stopped on purpose is not started again.
     */
    private static final Set<Integer> STOP_SIGNALS = Set.of(130, 143);

    private final Pipeline pipeline;
    private final Thread thread;
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextAttempt = new ConcurrentHashMap<>();
    private final Set<ManagedProcess> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    private Supervisor(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.thread = new Thread(this::watch, "logflow-supervisor");
        thread.setDaemon(true);
    }

    /** Starts watching every part {@code pipeline} has started so far and any it starts later. */
    public static Supervisor watch(Pipeline pipeline) {
        Supervisor supervisor = new Supervisor(pipeline);
        supervisor.thread.start();
        return supervisor;
    }

    /** How many times each part was started again; parts never restarted are absent. */
    public Map<String, Integer> restarts() {
        return Map.copyOf(restarts);
    }

    private void watch() {
        while (running) {
            pipeline.processes().forEach(this::check);
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(String name, ManagedProcess process) {
        if (!running || process.isAlive() || stoppedOnPurpose.contains(process)) {
            return;
        }
        if (STOP_SIGNALS.contains(process.exitCode())) {
            stoppedOnPurpose.add(process);
            LOG.infof(
                    "%s was stopped by SIGINT or SIGTERM (exit code %d); not started again", name, process.exitCode());
            return;
        }
        Instant now = Instant.now();
        Instant due = nextAttempt.computeIfAbsent(
                name, n -> now.plus(delayAfter(n, Duration.between(process.startedAt(), now))));
        if (now.isBefore(due)) {
            return;
        }
        int count = restarts.merge(name, 1, Integer::sum);
        LOG.warnf(
                "%s exited with code %d (its log: %s); starting it again (restart %d)",
                name, process.exitCode(), process.logFile(), count);
        try {
            pipeline.restart(name);
            nextAttempt.remove(name);
            LOG.infof("%s is running again", name);
        } catch (RuntimeException e) {
            if (running) {
                nextAttempt.put(name, Instant.now().plus(delayAfter(name, Duration.ZERO)));
                LOG.errorf("%s did not start again: %s; trying again in %s", name, e.getMessage(), delays.get(name));
            }
        }
    }

    /** 1 s after a part that ran for a while; twice the previous delay, up to 30 s, after one that exited soon. */
    private Duration delayAfter(String name, Duration lived) {
        Duration previous = delays.get(name);
        Duration delay = previous == null || lived.compareTo(STABLE) >= 0
                ? FIRST_DELAY
                : previous.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : previous.multipliedBy(2);
        delays.put(name, delay);
        return delay;
    }

    /** Stops watching, so that the pipeline can be stopped without its parts being started again. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
