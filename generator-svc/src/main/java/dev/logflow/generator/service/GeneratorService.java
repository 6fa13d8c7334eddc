package dev.logflow.generator.service;

import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FlumeProbe;
import dev.logflow.generator.client.FlumeSender;
import dev.logflow.generator.client.SenderSettings;
import dev.logflow.generator.config.GeneratorConfig;
import dev.logflow.generator.model.GeneratorStatus;
import dev.logflow.generator.model.RunState;
import dev.logflow.generator.model.StartRequest;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Controls generation runs: one generates at a time, each continuing the source's sequence; finished runs keep
 * delivering in the background until Flume acknowledged their lines. The status describes the latest run.
 */
@ApplicationScoped
public class GeneratorService {

    private static final Logger LOG = Logger.getLogger(GeneratorService.class);
    private static final String SOURCE_PREFIX = "gen-";
    private static final int SOURCE_ID_LENGTH = 6;
    private static final int BASE36 = 36;
    private static final double RATE_DECIMALS = 10;

    private final GeneratorConfig config;
    private final FlumeProbe probe;
    private final DeliveryMetrics metrics;
    private final ReplayService replays;
    private final String source;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger runNumbers = new AtomicInteger();
    private final List<GenerationRun> runs = new CopyOnWriteArrayList<>();
    private volatile GenerationRun current;
    private volatile double targetRate;

    GeneratorService(GeneratorConfig config, FlumeProbe probe, DeliveryMetrics metrics, ReplayService replays) {
        this.config = config;
        this.probe = probe;
        this.metrics = metrics;
        this.replays = replays;
        this.source = config.source().filter(s -> !s.isBlank()).orElseGet(GeneratorService::randomSource);
        this.targetRate = config.rate();
        newGenerator(); // fails start-up on a bad status mix rather than the first run
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof(
                "Generator %s sends to Flume %s over %d connections (autostart %s)",
                source, probe.address(), config.connections(), config.autostart());
        if (config.autostart()) {
            start(null);
        }
        config.replayFiles().ifPresent(files -> files.forEach(this::replayAtStartup));
    }

    /** Stops runs and replays together, so their bounded drains overlap instead of adding up. */
    void onStop(@Observes ShutdownEvent event) {
        replays.requestCloseAll();
        runs.forEach(GenerationRun::requestClose);
        runs.forEach(GenerationRun::awaitClosed);
        replays.awaitClosedAll();
    }

    /** The generator instance id. */
    public String source() {
        return source;
    }

    /**
     * Starts a run that continues the source's sequence.
     *
     * @param request rate and total, each optional; null for the configured values
     * @throws ConflictException when a run is generating
     * @throws InvalidRequestException when the rate or total is not usable
     */
    public synchronized GeneratorStatus start(StartRequest request) {
        if (current != null && current.state() == RunState.RUNNING) {
            throw new ConflictException("a run is already generating; POST /api/generator/stop first");
        }
        double rate = request == null || request.rate() == null ? targetRate : checkedRate(request.rate());
        Long total = request == null || request.total() == null ? configuredTotal() : checkedTotal(request.total());
        targetRate = rate;
        runs.removeIf(run -> !run.alive());
        current = newRun(rate, total);
        runs.add(current);
        current.start();
        return status();
    }

    /** Stops generating; lines already generated are still delivered. */
    public synchronized GeneratorStatus stop() {
        GenerationRun run = current;
        if (run != null && run.state() == RunState.RUNNING) {
            run.stop();
        }
        return status();
    }

    /**
     * Changes the target rate of the running run and of later runs.
     *
     * @throws InvalidRequestException when the rate is missing or not a finite number
     */
    public synchronized GeneratorStatus setRate(Double rate) {
        if (rate == null) {
            throw new InvalidRequestException("\"rate\" is required: events per second, 0 or less for unlimited");
        }
        targetRate = checkedRate(rate);
        GenerationRun run = current;
        if (run != null && run.state() == RunState.RUNNING) {
            run.setRate(targetRate);
        }
        return status();
    }

    /** What the latest run did, and every replay. */
    public GeneratorStatus status() {
        GenerationRun run = current;
        boolean reachable = probe.check().reachable();
        if (run == null) {
            return new GeneratorStatus(
                    RunState.STOPPED,
                    source,
                    sequence.get(),
                    targetRate,
                    0,
                    0,
                    configuredTotal(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    false,
                    0,
                    0,
                    reachable,
                    replays.all());
        }
        DeliveryCounters counters = run.counters();
        return new GeneratorStatus(
                run.state(),
                source,
                sequence.get(),
                run.state() == RunState.RUNNING ? run.rate() : targetRate,
                rounded(run.achievedRate()),
                rounded(run.recentRate()),
                run.total(),
                run.generated(),
                counters.sent(),
                counters.acked(),
                counters.failed(),
                counters.resent(),
                counters.rejected(),
                counters.connectErrors(),
                run.inFlight(),
                counters.throttledConnections() > 0,
                counters.backOffs(),
                counters.maxPauseMillis(),
                reachable,
                replays.all());
    }

    private GenerationRun newRun(double rate, Long total) {
        String name = "run" + runNumbers.incrementAndGet();
        DeliveryCounters counters = new DeliveryCounters(metrics.generated());
        FlumeSender sender = FlumeSender.start(name, SenderSettings.from(config), config.connections(), counters);
        return new GenerationRun(
                newGenerator(),
                sender,
                counters,
                sequence,
                rate,
                total,
                config.flume().drainTimeout());
    }

    private EventGenerator newGenerator() {
        return new EventGenerator(
                source, config.statusMix(), config.levelMix(), new SplittableRandom(), Clock.systemUTC());
    }

    private void replayAtStartup(String file) {
        try {
            replays.submit(file);
        } catch (InvalidRequestException | ForbiddenRequestException e) {
            LOG.warnf("Start-up replay skipped: %s", e.getMessage());
        }
    }

    private Long configuredTotal() {
        return config.total().isPresent() ? config.total().getAsLong() : null;
    }

    private static double checkedRate(double rate) {
        if (!Double.isFinite(rate)) {
            throw new InvalidRequestException("\"rate\" must be a finite number of events per second");
        }
        return rate;
    }

    private static Long checkedTotal(long total) {
        if (total < 1) {
            throw new InvalidRequestException("\"total\" must be at least 1, or absent for unlimited");
        }
        return total;
    }

    private static double rounded(double rate) {
        return Math.round(rate * RATE_DECIMALS) / RATE_DECIMALS;
    }

    private static String randomSource() {
        StringBuilder id = new StringBuilder(SOURCE_PREFIX);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < SOURCE_ID_LENGTH; i++) {
            id.append(Character.forDigit(random.nextInt(BASE36), BASE36));
        }
        return id.toString();
    }
}
