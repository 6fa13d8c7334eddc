package dev.logflow.flume.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.logflow.flume.support.FlumeAgent;
import dev.logflow.flume.support.NetcatClient;
import dev.logflow.flume.support.RollFiles;
import dev.logflow.flume.support.RollFiles.RollFile;
import dev.logflow.flume.support.SampleData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What loader-svc relies on, whatever the channel: every acknowledged line lands in the file_roll directory byte
 * for byte and in the order sent, in files named {@code events-<seriesMillis>-<n>}.
 */
abstract class ChannelDeliveryContract {

    // The file channel fsyncs every line: 10,000 lines took 2 to 25 s here, slower on a busy machine.
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(200);
    // Once acknowledged, a line reaches the file within the sink's batch and its idle back-off (up to 5 s).
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    /** The FLUME_CHANNEL under test. */
    abstract String channel();

    @Test
    @Timeout(300)
    void deliversTheRealApacheSampleByteForByteAndInOrder() throws Exception {
        byte[] sample = SampleData.read(SampleData.APACHE_ACCESS);
        List<String> lines = SampleData.lines(sample);

        try (FlumeAgent agent = FlumeAgent.launch(channel(), workDir).start()) {
            List<String> answers = sendOverOneConnection(agent, lines);
            assertThat(answers)
                    .as("answers of the netcat source")
                    .hasSize(lines.size())
                    .containsOnly("OK");
            awaitBytes(agent, sample.length);
            // SIGTERM closes the file being written, as in production.
            agent.stop();

            byte[] delivered = RollFiles.concatenate(agent.eventDir());
            assertThat(delivered.length).as("bytes delivered").isEqualTo(sample.length);
            assertThat(Arrays.mismatch(sample, delivered))
                    .as("offset of the first byte that differs from the sample")
                    .isEqualTo(-1);
        }
    }

    @Test
    @Timeout(120)
    void namesFilesAfterTheSinkStartTimeAndACounterFromOne() throws Exception {
        try (FlumeAgent agent = FlumeAgent.launch(channel(), workDir).start()) {
            sendOverOneConnection(agent, List.of("first", "second"));
            awaitBytes(agent, "first\nsecond\n".length());
            long deliveredAt = System.currentTimeMillis();
            agent.stop();

            List<RollFile> files = RollFiles.list(agent.eventDir());
            assertThat(files)
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(file.seriesMillis())
                            .as("series of %s", file.path().getFileName())
                            .isBetween(agent.launchedAtMillis(), deliveredAt)
                            .isEqualTo(files.get(0).seriesMillis()));
            assertThat(files)
                    .extracting(RollFile::index)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, files.size()).boxed().toList());
        }
    }

    @Test
    @Timeout(60)
    void createsTheSinkDirectoryItWasGiven() throws Exception {
        Path eventDir = workDir.resolve("not-yet/created");
        assertThat(eventDir).doesNotExist();

        try (FlumeAgent agent = FlumeAgent.launch(channel(), workDir)
                .env("FLUME_LOG_DIR", eventDir.toString())
                .start()) {
            sendOverOneConnection(agent, List.of("into a directory the launcher made"));
            awaitBytes(agent, "into a directory the launcher made\n".length());
        }
        assertThat(eventDir).isDirectory();
    }

    static List<String> sendOverOneConnection(FlumeAgent agent, List<String> lines) throws Exception {
        try (NetcatClient client = NetcatClient.connect(agent.port())) {
            return client.send(lines, SEND_TIMEOUT);
        }
    }

    static void awaitBytes(FlumeAgent agent, long expected) {
        await("file_roll output of " + expected + " bytes")
                .atMost(DELIVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> RollFiles.totalBytes(agent.eventDir()) >= expected);
    }
}
