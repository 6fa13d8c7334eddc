package dev.logflow.generator.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FlumeSenderTest {

    @Test
    void spreadsLinesOverEveryConnectionAndDeliversEachOnce() throws Exception {
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            DeliveryCounters counters = new DeliveryCounters();
            FlumeSender sender = FlumeSender.start("multi", TestSettings.forPort(flume.port()), 4, counters);
            Set<String> lines = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                String line = "multi-" + i;
                lines.add(line);
                assertEquals(
                        Offer.ACCEPTED,
                        sender.offer(OutboundLine.of(line.getBytes(StandardCharsets.UTF_8), i), 10, TimeUnit.SECONDS));
            }

            assertTrue(sender.awaitDrained(Duration.ofSeconds(30)));
            assertEquals(4, flume.connections());
            assertEquals(lines, Set.copyOf(flume.committed()));
            assertEquals(10_000, counters.acked());
            sender.close(Duration.ofSeconds(1));
        }
    }
}
