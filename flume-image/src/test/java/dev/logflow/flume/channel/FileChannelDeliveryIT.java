package dev.logflow.flume.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.flume.support.FlumeAgent;
import dev.logflow.flume.support.RollFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The durable agent, {@code logflow-file.conf}: the same delivery, and nothing acknowledged is lost to a crash. */
class FileChannelDeliveryIT extends ChannelDeliveryContract {

    private static final int CRASH_LINES = 2_000;

    @Override
    String channel() {
        return "file";
    }

    @Test
    @Timeout(240)
    void deliversEveryAcknowledgedLineAfterAKillDashNineWithABacklog() throws Exception {
        List<String> lines = IntStream.rangeClosed(1, CRASH_LINES)
                .mapToObj(n -> "{\"id\":\"crash-" + n + "\",\"seq\":" + n + "}")
                .toList();
        byte[] expected = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        FlumeAgent.Launch launch = FlumeAgent.launch(channel(), workDir);

        try (FlumeAgent stalled =
                launch.env("JAVA", javaWithoutSinkDirectory().toString()).start()) {
            assertThat(sendOverOneConnection(stalled, lines))
                    .hasSize(CRASH_LINES)
                    .containsOnly("OK");
            assertThat(RollFiles.totalBytes(stalled.eventDir()))
                    .as("delivered before the crash")
                    .isZero();
            stalled.kill();
        }
        try (FlumeAgent restarted = launch.unset("JAVA").start()) {
            awaitBytes(restarted, expected.length);
            restarted.stop();

            byte[] delivered = RollFiles.concatenate(restarted.eventDir());
            assertThat(delivered.length).as("bytes delivered after the restart").isEqualTo(expected.length);
            assertThat(Arrays.mismatch(expected, delivered))
                    .as("offset of the first byte that differs from what was sent")
                    .isEqualTo(-1);
        }
    }

    /**
     * A JAVA for the launcher that points the sink at a directory that does not exist, the known way file_roll
     * stops delivering: every acknowledged line then stays in the channel until the crash.
     */
    private Path javaWithoutSinkDirectory() throws Exception {
        Path wrapper = workDir.resolve("java-without-sink-directory");
        Files.writeString(
                wrapper,
                "#!/usr/bin/env bash\nFLUME_LOG_DIR='" + workDir.resolve("missing") + "' exec java \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return wrapper;
    }
}
