package dev.logflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import dev.logflow.stack.StoredEvents.RollupKey;
import dev.logflow.stack.StoredEvents.SequenceCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;

/**
 * One fault test's pipeline with the steps every fault test shares: start a run, wait until everything that can
 * arrive has arrived, and gather what the pipeline made of it into a {@link FaultOutcomes.Outcome}.
 *
 * <p>Flume serves its counters on a port of its own here, so the tests can see its channel's backlog.
 */
final class FaultRun implements AutoCloseable {

    /** A run stopped by hand is given this total, far more than any fault test sends. */
    static final long UNBOUNDED = 10_000_000;

    private static final Duration SETTLE_POLL = Duration.ofSeconds(1);
    /** Polls in a row without change: longer than the sink's 5 s back-off when its channel runs empty. */
    private static final int STILL_POLLS = 6;

    final Pipeline pipeline;
    final PipelineDriver driver;
    final FlumeMetrics flume;
    final FlumeOutput output;
    private final String channel;
    private final JsonHttp control;
    private MongoClient mongo;
    private StoredEvents stored;
    private String source;

    private FaultRun(Pipeline pipeline, String channel, int metricsPort) {
        this.pipeline = pipeline;
        this.channel = channel;
        this.driver = new PipelineDriver(pipeline);
        this.flume = new FlumeMetrics(metricsPort);
        this.output = new FlumeOutput(pipeline.flumeLogDir());
        this.control = new JsonHttp(pipeline.generatorToken());
    }

    /**
     * A pipeline in {@code local-stack/target/it/<name>} with Flume's {@code channel}, nothing started yet.
     *
     * @param tune further options of this fault, e.g. more generator connections
     */
    static FaultRun prepare(String name, String channel, UnaryOperator<PipelineOptions> tune) {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/" + name));
        int metricsPort = FlumeMetrics.freePort();
        PipelineOptions options = tune.apply(PipelineOptions.isolated(workDir)
                .withFlumeChannel(channel)
                .withFlumeEnvironment("FLUME_METRICS_PORT", Integer.toString(metricsPort)));
        return new FaultRun(new Pipeline(layout, options), channel, metricsPort);
    }

    /** What MongoDB holds, read as a user would; connects on first use, once MongoDB runs. */
    StoredEvents stored() {
        if (stored == null) {
            stored = new StoredEvents(pipeline.mongoConnectionString());
        }
        return stored;
    }

    private MongoClient mongo() {
        if (mongo == null) {
            mongo = MongoClients.create(pipeline.mongoConnectionString());
        }
        return mongo;
    }

    /**
     * MongoDB, Flume, the loader and the generator, each waited for: the usual start. A part that does not start
     * stops the others, since the test gets no run to close.
     */
    FaultRun startAll() {
        try {
            pipeline.startMongo();
            pipeline.startFlume();
            pipeline.startLoader();
            pipeline.startGenerator();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts generating {@code total} events at {@code rate} per second; returns the run's source. */
    String startRun(int rate, long total) {
        source = driver.startRun(rate, total).path("source").asText();
        return source;
    }

    /** Stops generating; what was generated is still delivered. */
    void stopRun() {
        control.post(pipeline.generatorUrl() + "/api/generator/stop", Map.of());
    }

    /** Waits until the generator has acknowledged {@code events} more than now. */
    void awaitAckedMore(long events, Duration timeout) {
        long target = driver.generatorStatus().path("acked").asLong() + events;
        PipelineDriver.await(
                target + " events acknowledged",
                timeout,
                driver::generatorStatus,
                s -> s.path("acked").asLong() >= target);
    }

    /** Waits until at least {@code events} events of {@code file} are stored: the loader is reading it. */
    void awaitStoredFrom(String file, long events, Duration timeout) {
        PipelineDriver.await(
                events + " events of " + file + " stored",
                timeout,
                () -> stored().events(Filters.eq("ingest.file", file)),
                n -> n >= events);
    }

    /** The offset of the last line of {@code file} that is stored; -1 when none is. */
    long lastStoredOffset(String file) {
        Document last = mongo().getDatabase("logflow")
                .getCollection("events")
                .aggregate(List.of(
                        Aggregates.match(Filters.eq("ingest.file", file)),
                        Aggregates.group(null, Accumulators.max("offset", "$ingest.offset"))))
                .first();
        return last == null ? -1 : ((Number) last.get("offset")).longValue();
    }

    /**
     * Waits until everything that can still arrive has arrived: the generator has stopped and holds no line without
     * an answer, Flume's channel is empty (so every accepted event is in a file), and the loader has read every file
     * to the end and stays there.
     */
    void awaitSettled(Duration timeout) {
        PipelineDriver.await("the generator to deliver its run", timeout, driver::generatorStatus, FaultRun::delivered);
        PipelineDriver.await("Flume's channel to empty", timeout, flume::channelSize, n -> n == 0);
        awaitLoaderStill(timeout);
    }

    private static boolean delivered(JsonNode status) {
        return !"RUNNING".equals(status.path("state").asText())
                && status.path("inFlight").asLong(-1) == 0
                && status.path("acked").asLong() >= status.path("generated").asLong();
    }

    /**
     * Idle {@link #STILL_POLLS} times in a row a poll apart, with nothing read and nothing written to Flume's files in
     * between: a run once settled while the sink still had its last 7 lines to write (an empty channel is no proof
     * that they are in a file yet), and lost them from the count.
     */
    private void awaitLoaderStill(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode previous = driver.loaderStatus();
        long previousBytes = output.totalBytes();
        int still = 0;
        while (Instant.now().isBefore(deadline)) {
            ManagedProcess.sleep(SETTLE_POLL);
            JsonNode now = driver.loaderStatus();
            long bytes = output.totalBytes();
            boolean unchanged =
                    idle(previous) && idle(now) && linesRead(previous) == linesRead(now) && bytes == previousBytes;
            still = unchanged ? still + 1 : 0;
            if (still >= STILL_POLLS) {
                return;
            }
            previous = now;
            previousBytes = bytes;
        }
        throw new IllegalStateException("The loader did not settle within " + timeout + "; last: " + previous);
    }

    private static boolean idle(JsonNode loader) {
        return loader.path("lagBytes").asLong(-1) == 0;
    }

    private static long linesRead(JsonNode loader) {
        return loader.path("linesRead").asLong(-1);
    }

    /** What the pipeline made of the run, read once it settled. */
    Observation observe() {
        JsonNode generator = driver.generatorStatus();
        long sent = generator.path("generated").asLong();
        return new Observation(
                channel,
                stored().sequenceCheck(source, sent),
                driver.missingEvents(),
                stored().rollupTotal(),
                stored().rollupDifferences(),
                stored().deadLetters(),
                generator,
                driver.loaderStatus());
    }

    /** A count as the table shows it, with thousands separators. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    @Override
    public void close() {
        if (mongo != null) {
            mongo.close();
        }
        if (stored != null) {
            stored.close();
        }
        pipeline.close();
    }

    /**
     * What a fault test saw.
     *
     * @param channel Flume's channel
     * @param audit the run's events, seq by seq
     * @param reportedGaps the loader's count of missing events ({@code GET /api/loader/gaps})
     * @param rollupTotal sum of the per-minute rollups
     * @param rollupDifferences rollup keys whose count differs from the stored events of that key; empty when the
     *     rollups behind {@code /api/data} agree with the events exactly
     * @param deadLetters documents in {@code dead_letters}
     * @param generator the generator's status at the end
     * @param loader the loader's status at the end
     */
    record Observation(
            String channel,
            SequenceCheck audit,
            long reportedGaps,
            long rollupTotal,
            Map<RollupKey, String> rollupDifferences,
            long deadLetters,
            JsonNode generator,
            JsonNode loader) {

        long loaderCount(String counter) {
            return loader.path(counter).asLong(-1);
        }

        /** Records this observation under {@code fault} for the outcome table, and returns it. */
        Observation record(String fault, String note) {
            FaultOutcomes.record(new FaultOutcomes.Outcome(
                    fault,
                    channel,
                    audit.expected(),
                    audit.distinct(),
                    audit.storedTwice(),
                    loaderCount("duplicates"),
                    audit.missing(),
                    reportedGaps,
                    rollupTotal,
                    deadLetters == 0 ? note : note + "; " + deadLetters + " dead letters"));
            return this;
        }

        /** What the generator went through: lines resent and connect attempts that failed. */
        String generatorNote() {
            return "generator resent " + count(generator.path("resent").asLong())
                    + " lines Flume had not answered when it failed, "
                    + count(generator.path("connectErrors").asLong()) + " connect attempts failed";
        }
    }
}
