package dev.logflow.generator.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logflow.generator.client.FakeFlumeServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FlumeConnectionTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void deliversEveryLineOnceWhenFlumeAnswersOk() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = started(flume, counters);

            List<String> lines = send(connection, 20_000);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertEquals(lines, flume.committed());
            assertEquals(20_000, counters.sent());
            assertEquals(20_000, counters.acked());
            assertEquals(0, counters.resent());
            connection.close();
        }
    }

    @Test
    void resendsLinesFlumeAnsweredFailedUntilEveryLineIsAcked() throws Exception {
        // Every 7th line received is refused, as Flume does when its channel is full.
        try (FakeFlumeServer flume =
                FakeFlumeServer.start((index, line) -> index % 7 == 3 ? Answer.FAILED : Answer.OK)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = started(flume, counters);

            List<String> lines = send(connection, 2_000);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertEquals(Set.copyOf(lines), Set.copyOf(flume.committed()));
            assertEquals(2_000, flume.committed().size());
            assertEquals(2_000, counters.acked());
            assertTrue(counters.failed() > 0);
            assertEquals(counters.failed(), counters.resent());
            connection.close();
        }
    }

    @Test
    void reconnectsAfterFlumeClosesTheConnectionAndDeliversEveryLine() throws Exception {
        // The first connection dies after 1500 lines; later connections behave.
        try (FakeFlumeServer flume =
                FakeFlumeServer.start((index, line) -> index == 1_500 ? Answer.CLOSE : Answer.OK)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = started(flume, counters);

            List<String> lines = send(connection, 5_000);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertTrue(flume.connections() >= 2, "a second connection was opened");
            assertEquals(Set.copyOf(lines), Set.copyOf(flume.committed()));
            assertEquals(5_000, counters.acked());
            assertTrue(counters.resent() > 0, "lines in flight at the break were resent");
            connection.close();
        }
    }

    @Test
    void waitsForFlumeToComeUpCountingConnectErrors() throws Exception {
        int port = TestSettings.closedPort();
        DeliveryCounters counters = new DeliveryCounters();
        FlumeConnection connection = new FlumeConnection("late", TestSettings.forPort(port), counters).start();
        List<String> lines = send(connection, 100);
        await().atMost(DELIVERY).until(() -> counters.connectErrors() >= 2);

        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> Answer.OK, true, port)) {
            assertTrue(connection.awaitDrained(DELIVERY));
            assertEquals(lines, flume.committed());
            connection.close();
        }
    }

    @Test
    void neverSendsALineOverTheMaximumLength() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection =
                    new FlumeConnection("limit", TestSettings.forPort(flume.port(), 100, 10), counters).start();

            Offer tooLong = connection.offer(line("x".repeat(100)), 1, TimeUnit.SECONDS);
            Offer fits = connection.offer(line("y".repeat(99)), 1, TimeUnit.SECONDS);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertEquals(Offer.REJECTED_TOO_LONG, tooLong);
            assertEquals(Offer.ACCEPTED, fits);
            assertEquals(List.of("y".repeat(99)), flume.committed());
            assertEquals(1, counters.rejected());
            connection.close();
        }
    }

    @Test
    void countsALineFlumeRefusesAsTooLongAsRejectedAndDeliversTheRest() throws Exception {
        // Flume configured with a smaller max-line-length than the generator: resending could never succeed.
        try (FakeFlumeServer flume =
                FakeFlumeServer.start((index, line) -> line.startsWith("long") ? Answer.FAILED_TOO_LONG : Answer.OK)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = started(flume, counters);
            List<String> before = send(connection, 50);
            connection.offer(line("long line"), 1, TimeUnit.SECONDS);
            List<String> after = send(connection, 50);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertEquals(1, counters.rejected());
            Set<String> expected = new HashSet<>(before);
            expected.addAll(after);
            assertEquals(expected, Set.copyOf(flume.committed()));
            connection.close();
        }
    }

    @Test
    void replacesAConnectionThatStopsAnswering() throws Exception {
        // The first 10 lines are never answered; the ack timeout (2 s in tests) must reopen and resend them.
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> index < 10 ? Answer.SILENT : Answer.OK)) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeConnection connection = started(flume, counters);

            List<String> lines = send(connection, 10);

            assertTrue(connection.awaitDrained(DELIVERY));
            assertEquals(lines, flume.committed());
            assertEquals(10, counters.resent());
            connection.close();
        }
    }

    @Test
    void closesWithinSecondsWhenFlumeNeverAnswers() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> Answer.SILENT)) {
            FlumeConnection connection = started(flume, new DeliveryCounters());
            send(connection, 100);

            long start = System.nanoTime();
            connection.close(Duration.ofMillis(500));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(millis < 5_000, "close took " + millis + " ms");
            assertEquals(Offer.CLOSED, connection.offer(line("late"), 1, TimeUnit.SECONDS));
        }
    }

    @Test
    void keepsAtMostTheWindowOfLinesUnacknowledged() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.start((index, line) -> Answer.SILENT)) {
            FlumeConnection connection = new FlumeConnection(
                            "window", TestSettings.forPort(flume.port(), 100, 5), new DeliveryCounters())
                    .start();
            for (int i = 0; i < 5; i++) {
                assertEquals(Offer.ACCEPTED, connection.offer(line("l" + i), 1, TimeUnit.SECONDS));
            }

            assertEquals(Offer.TIMED_OUT, connection.offer(line("sixth"), 100, TimeUnit.MILLISECONDS));
            assertEquals(5, connection.pending());
            connection.close(Duration.ZERO);
        }
    }

    static FlumeConnection started(FakeFlumeServer flume, DeliveryCounters counters) {
        return new FlumeConnection("test", TestSettings.forPort(flume.port()), counters).start();
    }

    static List<String> send(FlumeConnection connection, int count) throws InterruptedException {
        String prefix = "line-" + System.nanoTime() + "-";
        List<String> lines = IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
        for (int i = 0; i < count; i++) {
            Offer offer = connection.offer(OutboundLine.of(bytes(lines.get(i)), i), 30, TimeUnit.SECONDS);
            assertEquals(Offer.ACCEPTED, offer);
        }
        return lines;
    }

    static OutboundLine line(String text) {
        return OutboundLine.of(bytes(text), 0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
