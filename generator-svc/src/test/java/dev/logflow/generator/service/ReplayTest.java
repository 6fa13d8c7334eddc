package dev.logflow.generator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logflow.generator.client.DeliveryCounters;
import dev.logflow.generator.client.FakeFlumeServer;
import dev.logflow.generator.client.FlumeConnection;
import dev.logflow.generator.client.SenderSettings;
import dev.logflow.generator.client.TestSettings;
import dev.logflow.generator.model.ReplayState;
import dev.logflow.generator.model.ReplayStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sendsEachLineWithoutItsEndingAndSkipsEmptyLines() throws Exception {
        Path file = write("mixed.log", "first\r\nsecond\n\n\r\nthird without newline");
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            ReplayStatus status = replay(flume, file, 16_384);

            assertEquals(List.of("first", "second", "third without newline"), flume.committed());
            assertEquals(ReplayState.DONE, status.state());
            assertTrue(status.done());
            assertEquals(5, status.linesRead());
            assertEquals(2, status.skippedEmpty());
            assertEquals(3, status.sent());
            assertEquals(3, status.acked());
            assertEquals(0, status.rejected());
        }
    }

    @Test
    void rejectsLinesThatAreNotUtf8AndSendsTheOthers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("before\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
        bytes.writeBytes("caf\u00e9 after\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("latin1.log");
        Files.write(file, bytes.toByteArray());
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            ReplayStatus status = replay(flume, file, 16_384);

            assertEquals(List.of("before", "caf\u00e9 after"), flume.committed());
            assertEquals(1, status.rejectedInvalidUtf8());
            assertEquals(1, status.rejected());
            assertEquals(List.of(2L), status.rejectedLines());
            assertEquals(2, status.acked());
        }
    }

    @Test
    void rejectsLinesLongerThanTheMaximumAndSendsTheOthers() throws Exception {
        Path file = write("long.log", "short\n" + "z".repeat(600) + "\n" + "z".repeat(511) + "\nend\n");
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            ReplayStatus status = replay(flume, file, 512);

            assertEquals(List.of("short", "z".repeat(511), "end"), flume.committed());
            assertEquals(1, status.rejectedTooLong());
            assertEquals(List.of(2L), status.rejectedLines());
            assertEquals(3, status.acked());
        }
    }

    @Test
    void replaysTheApacheSampleLeavingOutOnlyItsOverlongLines() throws Exception {
        // The sample has 10,000 lines, 24 of them longer than Flume's default limit of 512 characters.
        Path sample = TestData.file("apache-access-10k.log");
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            ReplayStatus status = replay(flume, sample, 512);

            assertEquals(10_000, status.linesRead());
            assertEquals(24, status.rejectedTooLong());
            assertEquals(9_976, status.acked());
            assertEquals(9_976, flume.committed().size());
            assertEquals(
                    Files.readAllLines(sample).stream()
                            .filter(l -> l.length() < 512)
                            .toList(),
                    flume.committed());
        }
    }

    @Test
    void stripsTheCrlfEndingsOfTheSyslogSampleAndSendsItsUnterminatedLastLine() throws Exception {
        // 1,999 CRLF-terminated lines (what wc -l counts) plus a last line without any ending.
        Path sample = TestData.file("linux-syslog-2k.log");
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            ReplayStatus status = replay(flume, sample, 16_384);

            assertEquals(2_000, status.acked());
            assertTrue(flume.committed().stream().noneMatch(line -> line.endsWith("\r")));
            assertTrue(flume.committed().get(1_999).endsWith("(c) Dave Jones"));
        }
    }

    @Test
    void listsTheLineNumbersOfRejectedLinesAndSendsEveryOtherCaseOfBadInput() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("good 1\n\n\r\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(("z".repeat(17_000_000) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xff, '\r', '\n'});
        bytes.writeBytes("{\"$where\":1,\"a.b\":2}\r\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(("[".repeat(8_000) + "]".repeat(8_000) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("good 2\ngood 2\nhalf a li".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("bad.log");
        Files.write(file, bytes.toByteArray());
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            ReplayStatus status = replay(flume, file, 16_384);

            assertEquals(
                    List.of(
                            "good 1",
                            "{\"$where\":1,\"a.b\":2}",
                            "[".repeat(8_000) + "]".repeat(8_000),
                            "good 2",
                            "good 2",
                            "half a li"),
                    flume.committed());
            assertEquals(List.of(4L, 5L), status.rejectedLines());
            assertEquals(1, status.rejectedTooLong());
            assertEquals(1, status.rejectedInvalidUtf8());
            assertEquals(2, status.skippedEmpty());
            assertEquals(ReplayState.DONE, status.state());
        }
    }

    @Test
    void listsAtMostAHundredRejectedLinesButCountsThemAll() throws Exception {
        Path file = write("many.log", ("z".repeat(600) + "\n").repeat(150) + "end\n");
        try (FakeFlumeServer flume = FakeFlumeServer.answeringOk()) {
            ReplayStatus status = replay(flume, file, 512);

            assertEquals(150, status.rejected());
            assertEquals(Replay.MAX_LISTED_REJECTIONS, status.rejectedLines().size());
            assertEquals(1L, status.rejectedLines().get(0));
            assertEquals(List.of("end"), flume.committed());
        }
    }

    private ReplayStatus replay(FakeFlumeServer flume, Path file, int maxLineLength) {
        SenderSettings settings = TestSettings.forPort(flume.port(), maxLineLength, 5_000);
        DeliveryCounters counters = new DeliveryCounters();
        FlumeConnection connection = new FlumeConnection("replay-test", settings, counters).start();
        Replay replay = new Replay("1", file, connection, counters, maxLineLength - 1, Duration.ofSeconds(1));
        replay.start();
        await().atMost(DELIVERY).until(() -> replay.status().done());
        return replay.status();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
