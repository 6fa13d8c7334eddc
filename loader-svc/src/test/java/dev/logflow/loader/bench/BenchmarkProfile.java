package dev.logflow.loader.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The production batch settings, instead of the small ones the other tests use. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.logflow.loader.batch-size", System.getProperty("logflow.bench.batch-size", "1000"),
                "%test.logflow.loader.batch-max-delay", "500ms",
                "%test.logflow.loader.poll-interval", "200ms");
    }
}
