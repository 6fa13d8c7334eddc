package dev.logflow.flume.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.logflow.flume.support.FlumeAgent;
import dev.logflow.flume.support.NetcatClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/flume-agent}: refuses bad settings up front and hands the process over to the JVM. */
@Timeout(120)
class FlumeAgentLauncherIT {

    private static final int EX_USAGE = 64;
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void refusesAnUnknownChannelNamingTheChoices() throws Exception {
        FlumeAgent.Launch launch = FlumeAgent.launch("jdbc", workDir);

        assertThat(launch.runExpectingExit(REFUSAL_TIMEOUT)).isEqualTo(EX_USAGE);
        assertThat(launch.console())
                .contains("flume-agent: error: FLUME_CHANNEL must be 'memory' or 'file', got 'jdbc'");
        assertThat(workDir.resolve("events"))
                .as("nothing is created for a refused setting")
                .doesNotExist();
    }

    @Test
    void refusesAPortThatIsNotANumber() throws Exception {
        FlumeAgent.Launch launch = FlumeAgent.launch("memory", workDir).env("FLUME_PORT", "44444x");

        assertThat(launch.runExpectingExit(REFUSAL_TIMEOUT)).isEqualTo(EX_USAGE);
        assertThat(launch.console()).contains("FLUME_PORT must be a TCP port number (1-65535), got '44444x'");
    }

    @Test
    void refusesARollIntervalThatIsNotAWholeNumber() throws Exception {
        FlumeAgent.Launch launch = FlumeAgent.launch("memory", workDir).env("FLUME_ROLL_INTERVAL", "2s");

        assertThat(launch.runExpectingExit(REFUSAL_TIMEOUT)).isEqualTo(EX_USAGE);
        assertThat(launch.console()).contains("FLUME_ROLL_INTERVAL must be a whole number of at least 0, got '2s'");
    }

    @Test
    void becomesTheJvmSoSigtermStopsFlumeCleanly() throws Exception {
        try (FlumeAgent agent = FlumeAgent.launch("memory", workDir).start()) {
            String command = ProcessHandle.of(agent.pid())
                    .flatMap(process -> process.info().command())
                    .orElseThrow();
            assertThat(Path.of(command).getFileName())
                    .as("program of the launched process")
                    .hasToString("java");

            agent.stop();
            assertThat(agent.consoleTail()).contains("RollingFile sink rollSink stopped");
        }
        assertThat(workDir.resolve("agent-logs/flume.log"))
                .as("the agent's own log in FLUME_LOG_HOME")
                .isNotEmptyFile();
    }

    @Test
    void servesFlumeCountersWhenAMetricsPortIsSet() throws Exception {
        int metricsPort = FlumeAgent.Launch.freePort();
        try (FlumeAgent agent = FlumeAgent.launch("memory", workDir)
                .env("FLUME_METRICS_PORT", Integer.toString(metricsPort))
                .start()) {
            try (NetcatClient client = NetcatClient.connect(agent.port())) {
                assertThat(client.send(List.of("one", "two", "three"), ANSWER_TIMEOUT))
                        .containsOnly("OK");
            }
            await("channel counters")
                    .atMost(ANSWER_TIMEOUT)
                    .untilAsserted(() -> assertThat(metrics(metricsPort))
                            .contains("\"CHANNEL.memoryChannel\"")
                            .contains("\"EventPutSuccessCount\":\"3\""));
        }
    }

    private static String metrics(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(ANSWER_TIMEOUT)
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
