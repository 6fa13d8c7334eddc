package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import dev.logflow.helm.support.Selectors;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluates the policies' selectors against the labels of every pod the chart runs. */
class NetworkPolicyTest {

    /** Workloads whose pods a policy isolates (its podSelector). */
    private static List<String> isolated(Manifests manifests, NetworkPolicy policy) {
        return manifests.podTemplates().entrySet().stream()
                .filter(pod -> Selectors.matches(
                        policy.getSpec().getPodSelector(),
                        pod.getValue().getMetadata().getLabels()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Workloads whose pods a policy lets in (any peer of any ingress rule). */
    private static List<String> admitted(Manifests manifests, NetworkPolicy policy) {
        List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getFrom().stream())
                .toList();
        assertThat(peers).allSatisfy(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getIpBlock()).isNull();
        });
        return manifests.podTemplates().entrySet().stream()
                .filter(pod -> peers.stream()
                        .anyMatch(peer -> Selectors.matches(
                                peer.getPodSelector(),
                                pod.getValue().getMetadata().getLabels())))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Test
    void shouldLetOnlyTheLoaderAndTheDashboardPodsReachMongoDb() {
        Manifests manifests = HelmChart.scenario("default-values.yaml");
        NetworkPolicy mongodb = manifests.get(NetworkPolicy.class, "logflow-mongodb");

        assertThat(isolated(manifests, mongodb)).containsExactly("logflow-mongodb");
        assertThat(admitted(manifests, mongodb)).containsExactlyInAnyOrder("logflow-flume", "logflow-dashboard");
        assertThat(mongodb.getSpec().getIngress().get(0).getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("mongodb"));
    }

    @Test
    void shouldAlsoLetTheMembersAndTheInitJobReachAReplicaSet() {
        Manifests manifests = HelmChart.scenario("mongodb-replica-set-values.yaml");
        NetworkPolicy mongodb = manifests.get(NetworkPolicy.class, "logflow-mongodb");

        assertThat(admitted(manifests, mongodb))
                .containsExactlyInAnyOrder(
                        "logflow-flume", "logflow-dashboard", "logflow-mongodb", "logflow-mongodb-replica-set-init");
    }

    @Test
    void shouldLetOnlyGeneratorPodsReachFlume() {
        Manifests manifests = HelmChart.scenario("flume-two-replicas-values.yaml");
        NetworkPolicy flume = manifests.get(NetworkPolicy.class, "logflow-flume");

        assertThat(isolated(manifests, flume)).containsExactly("logflow-flume");
        assertThat(admitted(manifests, flume)).containsExactly("logflow-generator");
        assertThat(flume.getSpec().getIngress().get(0).getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("netcat"));
    }

    @Test
    void shouldRenderNoPolicyWhenTheyAreTurnedOff() {
        assertThat(HelmChart.render(Map.of("networkPolicy.enabled", false)).all(NetworkPolicy.class))
                .isEmpty();
    }
}
