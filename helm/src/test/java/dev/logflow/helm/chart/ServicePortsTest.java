package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.ChartPaths;
import dev.logflow.helm.support.HelmChart;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart probes the ports and paths the services really serve: read from each service's
 * application.properties, the source of truth, so a port changed there fails here.
 */
class ServicePortsTest {

    /** Quarkus' own defaults, in force when application.properties leaves them unset. */
    private static final String DEFAULT_PORT = "8080";

    private static final String DEFAULT_NON_APPLICATION_ROOT = "q";

    private static final String DEFAULT_HEALTH_ROOT = "health";

    private static Properties applicationProperties(String module) throws IOException {
        Path file = ChartPaths.repositoryRoot().resolve(module).resolve("src/main/resources/application.properties");
        assertThat(file).as("configuration of %s", module).exists();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"generator-svc, generator", "loader-svc, loader", "dashboard-svc, dashboard"})
    void shouldProbeThePortAndHealthPathsTheServiceServes(String module, String container) throws IOException {
        Properties properties = applicationProperties(module);
        String port = properties.getProperty("quarkus.http.port", DEFAULT_PORT);
        String healthBase =
                "/" + properties.getProperty("quarkus.http.non-application-root-path", DEFAULT_NON_APPLICATION_ROOT)
                        + "/" + properties.getProperty("quarkus.smallrye-health.root-path", DEFAULT_HEALTH_ROOT);

        Container rendered = HelmChart.scenario("default-values.yaml")
                .allContainers()
                .filter(c -> container.equals(c.getName()))
                .findFirst()
                .orElseThrow();

        assertThat(rendered.getPorts())
                .filteredOn(p -> "http".equals(p.getName()))
                .extracting(ContainerPort::getContainerPort)
                .containsExactly(Integer.valueOf(port));
        assertThat(rendered.getLivenessProbe().getHttpGet().getPath()).isEqualTo(healthBase + "/live");
        assertThat(rendered.getReadinessProbe().getHttpGet().getPath()).isEqualTo(healthBase + "/ready");
        assertThat(rendered.getStartupProbe().getHttpGet().getPath()).isEqualTo(healthBase + "/started");
    }
}
