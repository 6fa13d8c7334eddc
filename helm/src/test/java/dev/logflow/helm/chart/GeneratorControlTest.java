package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logflow.helm.support.FakeKubernetesApi;
import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generator's control token and replay directories: the settings its control API needs to answer at all. */
class GeneratorControlTest {

    private static final String TOKEN_ENV = "LOGFLOW_GENERATOR_CONTROL_TOKEN";
    private static final String ALLOWED_DIRS_ENV = "LOGFLOW_GENERATOR_REPLAY_ALLOWED_DIRS";

    @AfterEach
    void emptyTheFakeCluster() {
        FakeKubernetesApi.instance().clearSecrets();
    }

    private static PodTemplateSpec pod(Manifests manifests) {
        return manifests.get(Deployment.class, "logflow-generator").getSpec().getTemplate();
    }

    private static Container generator(Manifests manifests) {
        return Manifests.container(pod(manifests), "generator");
    }

    private static EnvVar tokenEnv(Manifests manifests) {
        return generator(manifests).getEnv().stream()
                .filter(env -> TOKEN_ENV.equals(env.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the generator has no " + TOKEN_ENV));
    }

    private static Map<String, String> config(Manifests manifests) {
        return manifests.get(ConfigMap.class, "logflow-generator").getData();
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void shouldGenerateATokenIntoASecretAndPassItOnlyThroughASecretKeyRef() {
        Manifests manifests = HelmChart.scenario("default-values.yaml");
        Secret secret = manifests.get(Secret.class, "logflow-generator");
        String token = decoded(secret, "control-token");
        EnvVar env = tokenEnv(manifests);

        assertThat(token).hasSize(40).isAlphanumeric();
        assertThat(env.getValue()).isNull();
        assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("logflow-generator");
        assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("control-token");
        assertThat(config(manifests)).doesNotContainKey(TOKEN_ENV).doesNotContainValue(token);
        assertThat(generator(manifests).getArgs()).doesNotContain(token);
    }

    @Test
    void shouldKeepTheTokenOfTheSecretAlreadyInTheClusterOnUpgrade() {
        FakeKubernetesApi.instance()
                .putSecret("logflow", "logflow-generator", Map.of("control-token", "tokenFromTheFirstInstall"));

        Secret secret = HelmChart.render(Map.of()).get(Secret.class, "logflow-generator");

        assertThat(decoded(secret, "control-token")).isEqualTo("tokenFromTheFirstInstall");
    }

    @Test
    void shouldCreateNoTokenSecretAndReadTheUsersOneWhenAnExistingSecretIsGiven() {
        Manifests manifests = HelmChart.scenario("generator-replay-values.yaml");
        EnvVar env = tokenEnv(manifests);

        assertThat(manifests.find(Secret.class, "logflow-generator")).isEmpty();
        assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("logflow-generator-token");
        assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
    }

    @Test
    void shouldAllowReplaysFromTheGivenDirectoriesAndMountTheFilesThere() {
        Manifests manifests = HelmChart.scenario("generator-replay-values.yaml");

        assertThat(config(manifests)).containsEntry(ALLOWED_DIRS_ENV, "/replay");
        assertThat(generator(manifests).getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/replay"));
        assertThat(pod(manifests).getSpec().getVolumes())
                .filteredOn(volume -> volume.getConfigMap() != null)
                .extracting(volume -> volume.getConfigMap().getName())
                .containsExactly("replay-logs");
    }

    @Test
    void shouldJoinSeveralReplayDirectoriesWithCommas() {
        Manifests manifests = HelmChart.render(
                Map.of("generator.replay.allowedDirs[0]", "/replay/a", "generator.replay.allowedDirs[1]", "/replay/b"));

        assertThat(config(manifests)).containsEntry(ALLOWED_DIRS_ENV, "/replay/a,/replay/b");
    }

    @Test
    void shouldRefuseEveryReplayByDefault() {
        assertThat(config(HelmChart.scenario("default-values.yaml"))).doesNotContainKey(ALLOWED_DIRS_ENV);
    }

    @Test
    void shouldTellInTheNotesHowToReadTheTokenAndUseIt() {
        String notes = HelmChart.installNotes(Map.of());

        assertThat(notes)
                .contains("kubectl port-forward -n logflow deploy/logflow-generator 8081:8081")
                .contains("TOKEN=$(kubectl get secret -n logflow logflow-generator \\\n"
                        + "    -o jsonpath='{.data.control-token}' | base64 -d)")
                .contains("curl -H \"Authorization: Bearer $TOKEN\" -X POST localhost:8081/api/generator/stop")
                .contains("Replays are refused: set generator.replay.allowedDirs");
    }

    @Test
    void shouldRefuseATokenInValuesAndARelativeReplayDirectory() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("generator.control.token", "in-plain-sight")))
                .hasMessageContaining("/generator/control")
                .hasMessageContaining("additional properties 'token' not allowed");
        assertThatThrownBy(() -> HelmChart.render(Map.of("generator.replay.allowedDirs[0]", "data")))
                .hasMessageContaining("/generator/replay/allowedDirs/0");
    }
}
