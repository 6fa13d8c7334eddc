package dev.logflow.loader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoaderConfigCheckTest {

    private static LoaderConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(LoaderConfig.class)
                // Quarkus' own converter reads the defaults' "500ms" form, as the running service does.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build()
                .getConfigMapping(LoaderConfig.class);
    }

    @Test
    void acceptsTheDefaults() {
        assertEquals(List.of(), LoaderConfigCheck.problems(config(Map.of())));
    }

    @Test
    void aReadBufferOf16MiBNoLongerLetsALineBecomeAnOversizeDocument() {
        LoaderConfig config = config(Map.of("logflow.loader.read-buffer-bytes", "16777216"));

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> LoaderConfigCheck.check(config));

        assertEquals(
                "Invalid logflow.loader settings: read-buffer-bytes=16777216 must be between 1024 and 8388608",
                refused.getMessage());
    }

    @Test
    void namesEveryBadSettingInOneMessage() {
        LoaderConfig config = config(Map.of(
                "logflow.loader.read-buffer-bytes", "0",
                "logflow.loader.max-raw-bytes", "2097152",
                "logflow.loader.batch-size", "0"));

        String message = assertThrows(IllegalArgumentException.class, () -> LoaderConfigCheck.check(config))
                .getMessage();

        assertTrue(message.contains("read-buffer-bytes=0"), message);
        assertTrue(message.contains("max-raw-bytes=2097152"), message);
        assertTrue(message.contains("batch-size=0"), message);
    }
}
