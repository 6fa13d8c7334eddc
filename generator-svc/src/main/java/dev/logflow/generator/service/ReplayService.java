package dev.logflow.generator.service;

import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FlumeConnection;
import dev.logflow.generator.client.SenderSettings;
import dev.logflow.generator.config.GeneratorConfig;
import dev.logflow.generator.model.ReplayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts replays of log files and keeps their status for the life of the process. */
@ApplicationScoped
public class ReplayService {

    private final GeneratorConfig config;
    private final DeliveryMetrics metrics;
    private final ReplayFiles files;
    private final AtomicInteger ids = new AtomicInteger();
    private final ConcurrentSkipListMap<Integer, Replay> replays = new ConcurrentSkipListMap<>();

    ReplayService(GeneratorConfig config, DeliveryMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.files =
                new ReplayFiles(config.replay().allowedDirs(), config.replay().anyFileWithoutAllowedDirs());
    }

    /**
     * Starts replaying {@code file} on a new connection.
     *
     * @throws InvalidRequestException when the file is missing, not a regular file or not readable
     * @throws ForbiddenRequestException when {@code logflow.generator.replay.*} does not allow this file
     */
    public ReplayStatus submit(String file) {
        Path path = files.resolve(file);
        int id = ids.incrementAndGet();
        SenderSettings settings = SenderSettings.from(config);
        DeliveryCounters counters = new DeliveryCounters(metrics.replayed());
        FlumeConnection connection = new FlumeConnection("replay-" + id, settings, counters).start();
        Replay replay = new Replay(
                String.valueOf(id),
                path,
                connection,
                counters,
                config.maxLineLength() - 1,
                config.flume().drainTimeout());
        replays.put(id, replay);
        replay.start();
        return replay.status();
    }

    /** The replay with this id, if there is one. */
    public Optional<ReplayStatus> find(String id) {
        try {
            return Optional.ofNullable(replays.get(Integer.valueOf(id))).map(Replay::status);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every replay since start-up, oldest first. */
    public List<ReplayStatus> all() {
        return replays.values().stream().map(Replay::status).toList();
    }

    /** Asks every replay to stop reading; each then closes its connection within the drain timeout. */
    void requestCloseAll() {
        replays.values().forEach(Replay::requestClose);
    }

    /** Waits for every replay to end after {@link #requestCloseAll()}. */
    void awaitClosedAll() {
        replays.values().forEach(Replay::awaitClosed);
    }
}
