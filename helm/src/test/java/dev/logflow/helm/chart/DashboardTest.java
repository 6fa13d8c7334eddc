package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ways users reach the dashboard: its Service, the optional Ingress, and the `helm test` check. */
class DashboardTest {

    @Test
    void shouldRenderNoIngressByDefault() {
        assertThat(HelmChart.scenario("default-values.yaml").all(Ingress.class)).isEmpty();
    }

    @Test
    void shouldRouteTheIngressToTheDashboardServicePortWithTlsClassAndAnnotations() {
        Manifests manifests = HelmChart.scenario("ingress-tls-values.yaml");
        Ingress ingress = manifests.get(Ingress.class, "logflow-dashboard");
        Service service = manifests.get(Service.class, "logflow-dashboard");

        HTTPIngressPath path =
                ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);

        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("logflow.example.com");
        assertThat(path.getBackend().getService().getName())
                .isEqualTo(service.getMetadata().getName());
        assertThat(service.getSpec().getPorts())
                .extracting(port -> port.getName())
                .contains(path.getBackend().getService().getPort().getName());
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("logflow.example.com");
            assertThat(tls.getSecretName()).isEqualTo("logflow-example-tls");
        });
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    }

    @Test
    void shouldAskTheDashboardServiceForReadinessAndItsPageFromAHelmTestPod() {
        Manifests manifests = HelmChart.scenario("default-values.yaml");
        Pod test = manifests.get(Pod.class, "logflow-test-dashboard");

        assertThat(test.getMetadata().getAnnotations()).containsEntry("logflow.test/hook", "test");
        assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(test.getSpec().getContainers().get(0).getCommand())
                .contains("--fail", "http://logflow-dashboard:8080/q/health/ready", "http://logflow-dashboard:8080/");
    }

    @Test
    void shouldRollThePodsWhoseConfigurationChangedAndOnlyThose() {
        Manifests before = HelmChart.scenario("default-values.yaml");
        Manifests after = HelmChart.renderWithHooks(Map.of("generator.rate", 500));

        assertThat(checksum(after, "logflow-generator")).isNotEqualTo(checksum(before, "logflow-generator"));
        assertThat(checksum(after, "logflow-dashboard")).isEqualTo(checksum(before, "logflow-dashboard"));
    }

    private static String checksum(Manifests manifests, String deployment) {
        return manifests
                .get(Deployment.class, deployment)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("checksum/config");
    }

    @Test
    void shouldPrintPortForwardCommandsForTheDashboardAndForCompassAfterInstall() {
        String notes = HelmChart.installNotes(Map.of());

        assertThat(notes)
                .contains("kubectl port-forward -n logflow svc/logflow-dashboard 8080:8080")
                .contains("kubectl port-forward -n logflow svc/logflow-mongodb 27017:27017")
                .contains("echo \"mongodb://logflow:$(kubectl get secret -n logflow logflow-mongodb \\\n"
                        + "    -o jsonpath='{.data.mongodb-password}' | base64 -d)"
                        + "@localhost:27017/logflow?authSource=admin&directConnection=true\"")
                .contains("helm test logflow -n logflow");
    }

    @Test
    void shouldPrintTheIngressAddressAndTheReplicaSetMemberToForward() {
        String notes = HelmChart.installNotes(Map.of(
                "dashboard.ingress.enabled",
                true,
                "dashboard.ingress.tls.enabled",
                true,
                "dashboard.ingress.host",
                "logflow.example.com",
                "mongodb.replicas",
                3));

        assertThat(notes)
                .contains("https://logflow.example.com/")
                .contains("kubectl port-forward -n logflow pod/logflow-mongodb-0 27017:27017");
    }
}
