package dev.logflow.generator.service;

import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FakeFlumeServer;
import dev.logflow.generator.client.FlumeSender;
import dev.logflow.generator.client.TestSettings;
import dev.logflow.generator.model.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Prints how fast events are generated, and generated and delivered to a fake Flume answering OK in the same JVM, over
 * 1 and 4 connections. Not a test: figures depend on the machine. Run after {@code test-compile}:
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
