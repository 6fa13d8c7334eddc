package dev.logflow.generator.service;

import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FakeFlumeServer;
import dev.logflow.generator.client.FlumeConnection;
import dev.logflow.generator.client.FlumeSender;
import dev.logflow.generator.client.Offer;
import dev.logflow.generator.client.OutboundLine;
import dev.logflow.generator.client.SenderSettings;
import dev.logflow.generator.client.TestSettings;
import dev.logflow.generator.model.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Prints how fast events are generated, and generated and delivered to a fake Flume answering OK in the same JVM, over
 * 1 and 4 connections, and how one connection with the default back-off settings behaves while the fake Flume refuses
 * every line (a full channel, answered at once instead of after Flume's keep-alive) and after it accepts again. Not a
 * test: figures depend on the machine. Run after {@code test-compile}:
 *
 * <pre>
 * ./mvnw -q -pl generator-svc dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp generator-svc/target/test-classes:generator-svc/target/classes:$(cat generator-svc/target/cp.txt) \
 *     dev.logflow.generator.service.SendBenchmark [events [connections ...]]
 * </pre>
 */
public final class SendBenchmark {

    private static final Logger LOG = Logger.getLogger(SendBenchmark.class);
    private static final long DEFAULT_EVENTS = 2_000_000;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final Duration FULL_CHANNEL_TIME = Duration.ofSeconds(10);
    private static final Duration FULL_CHANNEL_TAIL = Duration.ofSeconds(1);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private SendBenchmark() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_EVENTS;
        generateOnly(events / 4);
        double generated = generateOnly(events);
        LOG.infof("generate + JSON + UTF-8 only: %.0f events/s", generated);
        send(events / 4, 1);
        int[] connectionCounts = args.length > 1 ? connectionCounts(args) : new int[] {1, 4};
        for (int connections : connectionCounts) {
            LOG.infof(
                    "generate + send + acked, %d connection(s): %.0f events/s", connections, send(events, connections));
        }
        fullChannel();
    }

    /**
     * One connection with the default settings and a full in-flight window of lines, against a fake Flume that refuses
     * everything for a while, then accepts again.
     */
    private static void fullChannel() throws Exception {
        AtomicBoolean full = new AtomicBoolean(true);
        try (FakeFlumeServer flume = FakeFlumeServer.start(
                (index, line) -> full.get() ? FakeFlumeServer.Answer.FAILED : FakeFlumeServer.Answer.OK, false, 0)) {
            SenderSettings settings = defaults(flume.port());
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = new FlumeConnection("bench-full", settings, counters).start();
            offerWindow(connection, settings.maxInFlight());
            Thread.sleep(FULL_CHANNEL_TIME.toMillis());
            long attempts = flume.received();
            Thread.sleep(FULL_CHANNEL_TAIL.toMillis());
            long attemptsInTail = flume.received() - attempts;
            full.set(false);
            long start = System.nanoTime();
            if (!connection.awaitDrained(DRAIN_TIMEOUT)) {
                throw new IllegalStateException("lines still unacknowledged after " + DRAIN_TIMEOUT);
            }
            double drainMillis = (System.nanoTime() - start) / 1e6;
            LOG.infof(
                    "full channel, %d lines, default back-off: %d lines sent in %s (then %d in the next %s),"
                            + " longest pause %d ms; once it accepts: all lines acked in %.0f ms, %d resent in all",
                    settings.maxInFlight(),
                    attempts,
                    FULL_CHANNEL_TIME,
                    attemptsInTail,
                    FULL_CHANNEL_TAIL,
                    counters.maxPauseMillis(),
                    drainMillis,
                    counters.resent());
            connection.close();
        }
    }

    /** Fills the connection's in-flight window: more lines would wait for an acknowledgement that never comes. */
    private static void offerWindow(FlumeConnection connection, int lines) throws InterruptedException {
        for (int i = 0; i < lines; i++) {
            byte[] line = ("full-channel-line-" + i).getBytes(StandardCharsets.UTF_8);
            if (connection.offer(OutboundLine.of(line, i), 1, TimeUnit.MINUTES) != Offer.ACCEPTED) {
                throw new IllegalStateException("line " + i + " not accepted");
            }
        }
    }

    /** The {@code @WithDefault} values of {@code GeneratorConfig}, as the packaged service runs with them. */
    private static SenderSettings defaults(int port) {
        return new SenderSettings(
                "127.0.0.1",
                port,
                16_384,
                5_000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Duration.ofSeconds(3));
    }

    private static int[] connectionCounts(String[] args) {
        int[] counts = new int[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            counts[i - 1] = Integer.parseInt(args[i]);
        }
        return counts;
    }

    private static double generateOnly(long events) {
        EventGenerator generator = TestMixes.generator("gen-bench");
        EventJsonWriter writer = new EventJsonWriter();
        long bytes = 0;
        long start = System.nanoTime();
        for (long seq = 1; seq <= events; seq++) {
            LogEvent event = generator.next(seq);
            bytes += writer.write(event).getBytes(StandardCharsets.UTF_8).length;
        }
        double rate = events * NANOS_PER_SECOND / (System.nanoTime() - start);
        LOG.debugf("%d events, %d bytes", events, bytes);
        return rate;
    }

    private static double send(long events, int connections) throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> FakeFlumeServer.Answer.OK, false, 0)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeSender sender = FlumeSender.start("bench", TestSettings.forPort(flume.port()), connections, counters);
            GenerationRun run = new GenerationRun(
                    TestMixes.generator("gen-bench"),
                    sender,
                    counters,
                    new AtomicLong(),
                    0,
                    events,
                    Duration.ofSeconds(5));
            long start = System.nanoTime();
            run.start();
            while (counters.acked() < events) {
                Thread.sleep(1);
            }
            return events * NANOS_PER_SECOND / (System.nanoTime() - start);
        }
    }
}
