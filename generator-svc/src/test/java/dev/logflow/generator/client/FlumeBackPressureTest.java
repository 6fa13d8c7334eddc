package dev.logflow.generator.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logflow.generator.client.FakeFlumeServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** How a connection behaves while Flume's channel is full: slower and slower, never dropping a line. */
class FlumeBackPressureTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    /** TestSettings: the pause after a FAILED answer starts at 10 ms and doubles up to 80 ms. */
    private static final long MAX_PAUSE_MILLIS = 80;

    @Test
    void resendsARefusedLineAfterPausesThatDoubleUpToTheCap() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> {
            arrivals.add(System.nanoTime());
            return index < 6 ? Answer.FAILED : Answer.OK;
        })) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = FlumeConnectionTest.started(flume, counters);

            List<String> lines = FlumeConnectionTest.send(connection, 1);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertEquals(lines, flume.committed());
            assertEquals(6, counters.failed());
            assertEquals(6, counters.resent());
            assertEquals(1, counters.backOffs());
            assertEquals(MAX_PAUSE_MILLIS, counters.maxPauseMillis());
            assertGapsAtLeast(arrivals, List.of(10L, 20L, 40L, 80L, 80L, 80L));
            connection.close();
        }
    }

    @Test
    void probesAFullChannelOneLineAtATimeAndDeliversEveryLineOnceItEmpties() throws Exception {
        AtomicBoolean full = new AtomicBoolean(true);
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> full.get() ? Answer.FAILED : Answer.OK)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = FlumeConnectionTest.started(flume, counters);
            List<String> lines = FlumeConnectionTest.send(connection, 50);
            await().atMost(DELIVERY).until(() -> counters.failed() >= 60);

            long receivedBefore = flume.received();
            TimeUnit.SECONDS.sleep(1);
            long receivedInOneSecond = flume.received() - receivedBefore;
            boolean throttledWhileFull = connection.throttled();
            full.set(false);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertTrue(throttledWhileFull, "slowed down while every line was refused");
            assertTrue(
                    receivedInOneSecond <= 1_000 / MAX_PAUSE_MILLIS + 2,
                    "one probe per pause while full, got " + receivedInOneSecond + " lines in a second");
            assertEquals(Set.copyOf(lines), Set.copyOf(flume.committed()));
            assertEquals(50, flume.committed().size(), "no line stored twice");
            assertEquals(50, counters.acked());
            assertEquals(counters.failed(), counters.resent());
            connection.close();
        }
    }

    @Test
    void returnsToFullSpeedAtTheFirstOkAndReportsIt() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> index < 3 ? Answer.FAILED : Answer.OK)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = FlumeConnectionTest.started(flume, counters);
            FlumeConnectionTest.send(connection, 1);
            assertTrue(connection.awaitDrained(DELIVERY));

            List<String> later = FlumeConnectionTest.send(connection, 5_000);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertFalse(connection.throttled());
            assertEquals(0, counters.throttledConnections());
            assertEquals(1, counters.backOffs(), "slowed down once, for the three refusals only");
            assertEquals(3, counters.failed());
            assertTrue(flume.committed().containsAll(later));
            assertEquals(5_001, flume.committed().size());
            connection.close();
        }
    }

    @Test
    void closingASlowedDownConnectionClearsTheThrottledGauge() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> Answer.FAILED)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = FlumeConnectionTest.started(flume, counters);
            FlumeConnectionTest.send(connection, 1);
            await().atMost(DELIVERY).until(() -> counters.throttledConnections() == 1);

            connection.close(Duration.ZERO);

            assertEquals(0, counters.throttledConnections());
            assertEquals(1, counters.backOffs());
        }
    }

    /** Each resend came at least the expected pause after the previous attempt. */
    private static void assertGapsAtLeast(List<Long> arrivals, List<Long> pausesMillis) {
        for (int i = 0; i < pausesMillis.size(); i++) {
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(arrivals.get(i + 1) - arrivals.get(i));
            assertTrue(
                    gapMillis >= pausesMillis.get(i),
                    "attempt " + (i + 2) + " came " + gapMillis + " ms after the previous one");
        }
    }
}
