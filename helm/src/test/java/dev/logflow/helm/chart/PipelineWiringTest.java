package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** generator-svc reaches Flume, each Flume pod carries its loader, and scaling keeps that shape. */
class PipelineWiringTest {

    private static PodTemplateSpec flumePod(Manifests manifests) {
        return manifests.get(StatefulSet.class, "logflow-flume").getSpec().getTemplate();
    }

    @Test
    void shouldPointTheGeneratorAtTheFlumeServiceAndItsNetcatPort() {
        Manifests manifests = HelmChart.scenario("default-values.yaml");
        Container generator = Manifests.container(
                manifests.get(Deployment.class, "logflow-generator").getSpec().getTemplate(), "generator");
        Service flume = manifests.get(Service.class, "logflow-flume");

        Map<String, String> config = ScenarioTest.configOf(manifests, generator);

        assertThat(config)
                .containsEntry("LOGFLOW_GENERATOR_FLUME_HOST", "logflow-flume.logflow.svc.cluster.local")
                .containsEntry("LOGFLOW_GENERATOR_FLUME_PORT", "44444")
                .containsEntry("LOGFLOW_GENERATOR_RATE", "50")
                .containsEntry("LOGFLOW_GENERATOR_AUTOSTART", "true");
        assertThat(flume.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(44444);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("netcat");
        });
    }

    @Test
    void shouldGiveEachLoaderItsPodNameAsItsStableId() {
        Container loader = Manifests.container(flumePod(HelmChart.scenario("default-values.yaml")), "loader");

        assertThat(loader.getEnv())
                .filteredOn(env -> env.getName().equals("LOGFLOW_LOADER_ID"))
                .singleElement()
                .satisfies(env -> assertThat(env.getValueFrom().getFieldRef().getFieldPath())
                        .isEqualTo("metadata.name"));
    }

    @Test
    void shouldProbeFlumeByConnectingToItsNetcatPort() {
        Container flume = Manifests.container(flumePod(HelmChart.scenario("default-values.yaml")), "flume");

        List.of(flume.getStartupProbe(), flume.getLivenessProbe(), flume.getReadinessProbe())
                .forEach(probe ->
                        assertThat(probe.getTcpSocket().getPort().getStrVal()).isEqualTo("netcat"));
        assertThat(flume.getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(44444));
    }

    @Test
    void shouldScaleFlumeAsAgentPlusLoaderPairsEachWithItsOwnReadWriteOnceVolume() {
        Manifests manifests = HelmChart.scenario("flume-two-replicas-values.yaml");
        StatefulSet flume = manifests.get(StatefulSet.class, "logflow-flume");

        assertThat(flume.getSpec().getReplicas()).isEqualTo(2);
        assertThat(flume.getSpec().getTemplate().getSpec().getContainers())
                .extracting(Container::getName)
                .containsExactly("flume", "loader");
        assertThat(flume.getSpec().getVolumeClaimTemplates())
                .singleElement()
                .satisfies(claim -> assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce"));
        assertThat(manifests
                        .get(Deployment.class, "logflow-generator")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(3);
    }

    @Test
    void shouldPutTheFileChannelOnASecondVolumeOutsideFlumeLog() {
        Manifests manifests = HelmChart.scenario("file-channel-values.yaml");
        StatefulSet flume = manifests.get(StatefulSet.class, "logflow-flume");
        Container agent = Manifests.container(flume.getSpec().getTemplate(), "flume");

        assertThat(ScenarioTest.configOf(manifests, agent))
                .containsEntry("FLUME_CHANNEL", "file")
                .containsEntry("FLUME_DATA_DIR", "/flume/data");
        assertThat(agent.getVolumeMounts())
                .anySatisfy(mount ->
                        assertThat(mount.getName() + " " + mount.getMountPath()).isEqualTo("channel /flume/data"));
        assertThat(flume.getSpec().getVolumeClaimTemplates())
                .extracting(PersistentVolumeClaim::getMetadata)
                .extracting(meta -> meta.getName())
                .containsExactly("data", "channel");
        assertThat(flume.getSpec()
                        .getVolumeClaimTemplates()
                        .get(1)
                        .getSpec()
                        .getResources()
                        .getRequests())
                .containsKey("storage");
        assertThat(Manifests.container(flume.getSpec().getTemplate(), "loader").getVolumeMounts())
                .noneSatisfy(mount -> assertThat(mount.getName()).isEqualTo("channel"));
    }

    @Test
    void shouldKeepTheMemoryChannelWithoutAChannelVolumeByDefault() {
        StatefulSet flume = HelmChart.scenario("default-values.yaml").get(StatefulSet.class, "logflow-flume");

        assertThat(flume.getSpec().getVolumeClaimTemplates())
                .extracting(claim -> claim.getMetadata().getName())
                .containsExactly("data");
    }
}
