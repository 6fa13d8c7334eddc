package dev.logflow.flume.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.logflow.flume.support.FlumeAgent;
import dev.logflow.flume.support.NetcatClient;
import dev.logflow.flume.support.RollFiles;
import dev.logflow.flume.support.SampleData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The netcat source's {@code max-line-length} of 16384 characters, the line end included. */
@Timeout(120)
class NetcatLineLengthIT {

    private static final int MAX_LINE_LENGTH = 16_384;
    private static final int LONGEST_APACHE_LINE = 1_363;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path workDir;

    private static FlumeAgent agent;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = FlumeAgent.launch("memory", workDir).start();
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void acceptsTheLongestLineOfTheRealApacheSample() throws Exception {
        String longest = SampleData.lines(SampleData.read(SampleData.APACHE_ACCESS)).stream()
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
        assertThat(longest).hasSize(LONGEST_APACHE_LINE);

        assertThat(send(longest)).containsExactly("OK");
        awaitDelivered(longest);
    }

    @Test
    void acceptsALineThatFillsTheLimitExactly() throws Exception {
        String line = "a".repeat(MAX_LINE_LENGTH - 1);

        assertThat(send(line)).containsExactly("OK");
        awaitDelivered(line);
    }

    @Test
    void refusesALineOverTheLimitAndClosesTheConnection() throws Exception {
        String tooLong = "b".repeat(MAX_LINE_LENGTH);

        try (NetcatClient client = NetcatClient.connect(agent.port())) {
            // Sent without its '\n': the source gives up as soon as its buffer is full, so nothing stays unread
            // and the close arrives as an orderly end of stream rather than a reset.
            client.sendUnterminated(tooLong);
            assertThat(client.readAnswer(ANSWER_TIMEOUT))
                    .isEqualTo("FAILED: Event exceeds the maximum length (16384 chars, including newline)");
            assertThat(client.readAnswer(ANSWER_TIMEOUT)).as("after FAILED").isNull();
        }
        String marker = "sent after the refused line";
        assertThat(send(marker)).containsExactly("OK");
        awaitDelivered(marker);
        assertThat(deliveredLines()).noneMatch(line -> line.startsWith("bbb"));
    }

    private static List<String> send(String line) throws Exception {
        try (NetcatClient client = NetcatClient.connect(agent.port())) {
            return client.send(List.of(line), ANSWER_TIMEOUT);
        }
    }

    private static void awaitDelivered(String line) {
        await("line of " + line.length() + " characters in the file_roll output")
                .atMost(DELIVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> deliveredLines().contains(line));
    }

    private static List<String> deliveredLines() throws Exception {
        return new String(RollFiles.concatenate(agent.eventDir()), StandardCharsets.UTF_8)
                .lines()
                .toList();
    }
}
