package dev.logflow.generator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FakeFlumeServer;
import dev.logflow.generator.client.FlumeSender;
import dev.logflow.generator.client.TestSettings;
import dev.logflow.generator.model.RunState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GenerationRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void completesAtItsTotalWithEverySequenceNumberDeliveredOnce() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            AtomicLong sequence = new AtomicLong();
            GenerationRun run = run(flume, sequence, 0, 5_000L, 2);

            run.start();

            await().atMost(DELIVERY).until(() -> run.counters().acked() == 5_000);
            assertEquals(RunState.COMPLETED, run.state());
            assertEquals(5_000, run.generated());
            assertEquals(LongStream.rangeClosed(1, 5_000).boxed().toList(), sortedSeqs(flume));
        }
    }

    @Test
    void continuesTheSequenceInTheNextRun() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            AtomicLong sequence = new AtomicLong();
            GenerationRun first = run(flume, sequence, 0, 100L, 1);
            first.start();
            await().atMost(DELIVERY).until(() -> first.counters().acked() == 100);

            GenerationRun second = run(flume, sequence, 0, 50L, 1);
            second.start();
            await().atMost(DELIVERY).until(() -> second.counters().acked() == 50);

            assertEquals(LongStream.rangeClosed(1, 150).boxed().toList(), sortedSeqs(flume));
        }
    }

    @Test
    void leavesNoGapWhenStoppedWhileFlumeHoldsBack() throws Exception {
        // A slow Flume fills the window, so the generator is waiting to hand over an event when it is stopped.
        try (FakeFlumeServer flume = FakeFlumeServer.start(GenerationRunTest::slowOk)) {
            AtomicLong sequence = new AtomicLong();
            GenerationRun run = run(flume, sequence, 0, null, 1);
            run.start();
            await().atMost(DELIVERY).until(() -> run.generated() > 20_000);

            run.stop();

            assertEquals(RunState.STOPPED, run.state());
            await().atMost(DELIVERY).until(() -> run.counters().acked() == run.generated());
            assertEquals(run.generated(), sequence.get());
            assertEquals(LongStream.rangeClosed(1, run.generated()).boxed().toList(), sortedSeqs(flume));
        }
    }

    @Test
    void holdsTheTargetRate() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            GenerationRun run = run(flume, new AtomicLong(), 200, null, 1);
            run.start();
            Thread.sleep(2_000);
            run.stop();

            // 400 expected; the bound is loose because CI machines are busy.
            assertTrue(run.generated() >= 300 && run.generated() <= 420, "generated " + run.generated());
        }
    }

    private static GenerationRun run(FakeFlumeServer flume, AtomicLong sequence, double rate, Long total, int conns) {
        DeliveryCounters counters = new DeliveryCounters();
        FlumeSender sender = FlumeSender.start("t", TestSettings.forPort(flume.port()), conns, counters);
        return new GenerationRun(
                TestMixes.generator("gen-t"), sender, counters, sequence, rate, total, Duration.ofSeconds(1));
    }

    private static FakeFlumeServer.Answer slowOk(long index, String line) {
        if (index % 1_000 == 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return FakeFlumeServer.Answer.OK;
    }

    private static List<Long> sortedSeqs(FakeFlumeServer flume) {
        return flume.committed().stream().map(GenerationRunTest::seqOf).sorted().toList();
    }

    private static long seqOf(String line) {
        try {
            return JSON.readTree(line).get("seq").asLong();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line.length() + " chars", e);
        }
    }
}
