package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.FakeKubernetesApi;
import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoDbTest {

    private static final String MEMBERS = "logflow-mongodb-0.logflow-mongodb-headless.logflow.svc.cluster.local:27017,"
            + "logflow-mongodb-1.logflow-mongodb-headless.logflow.svc.cluster.local:27017,"
            + "logflow-mongodb-2.logflow-mongodb-headless.logflow.svc.cluster.local:27017";

    @AfterEach
    void emptyTheFakeCluster() {
        FakeKubernetesApi.instance().clearSecrets();
    }

    private static Container mongod(Manifests manifests) {
        return Manifests.container(pod(manifests), "mongodb");
    }

    private static PodTemplateSpec pod(Manifests manifests) {
        return manifests.get(StatefulSet.class, "logflow-mongodb").getSpec().getTemplate();
    }

    private static Container loader(Manifests manifests) {
        return Manifests.container(
                manifests.get(StatefulSet.class, "logflow-flume").getSpec().getTemplate(), "loader");
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream()
                .filter(env -> name.equals(env.getName()))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void shouldRunAStandaloneServerWithAuthenticationAndGeneratedPasswordsByDefault() {
        Manifests manifests = HelmChart.scenario("default-values.yaml");
        Secret secret = manifests.get(Secret.class, "logflow-mongodb");

        assertThat(mongod(manifests).getImage()).isEqualTo("mongo:8.0");
        assertThat(mongod(manifests).getArgs()).contains("--auth").doesNotContain("--replSet", "--keyFile");
        assertThat(decoded(secret, "mongodb-root-password")).hasSize(24).isAlphanumeric();
        assertThat(decoded(secret, "mongodb-password")).hasSize(24).isAlphanumeric();
        assertThat(mongod(manifests).getEnv())
                .filteredOn(env -> env.getName().endsWith("PASSWORD"))
                .extracting(env -> env.getValueFrom().getSecretKeyRef().getName())
                .containsOnly("logflow-mongodb");
    }

    @Test
    void shouldPingTheServerWithMongoshInEveryProbe() {
        Container mongod = mongod(HelmChart.scenario("default-values.yaml"));

        List.of(mongod.getStartupProbe(), mongod.getLivenessProbe(), mongod.getReadinessProbe())
                .forEach(probe -> assertThat(String.join(" ", probe.getExec().getCommand()))
                        .startsWith("mongosh")
                        .contains("db.adminCommand('ping')"));
    }

    @Test
    void shouldKeepThePasswordsOfTheSecretAlreadyInTheClusterOnUpgrade() {
        FakeKubernetesApi.instance()
                .putSecret(
                        "logflow",
                        "logflow-mongodb",
                        Map.of(
                                "mongodb-root-password", "root-from-first-install",
                                "mongodb-password", "app-from-first-install",
                                "mongodb-replica-set-key", "keyFromFirstInstall"));

        Secret secret = HelmChart.render(Map.of()).get(Secret.class, "logflow-mongodb");

        assertThat(decoded(secret, "mongodb-root-password")).isEqualTo("root-from-first-install");
        assertThat(decoded(secret, "mongodb-password")).isEqualTo("app-from-first-install");
        assertThat(decoded(secret, "mongodb-replica-set-key")).isEqualTo("keyFromFirstInstall");
    }

    @Test
    void shouldPreferPasswordsGivenInValuesToGeneratedOnes() {
        Secret secret = HelmChart.render(Map.of("mongodb.auth.password", "chosen-by-the-user"))
                .get(Secret.class, "logflow-mongodb");

        assertThat(decoded(secret, "mongodb-password")).isEqualTo("chosen-by-the-user");
    }

    @Test
    void shouldCreateNoSecretAndReadTheExistingOneWhenOneIsGiven() {
        Manifests manifests = HelmChart.scenario("existing-secret-values.yaml");

        // Only the generator's control token, which has a Secret of its own, is still generated.
        assertThat(manifests.all(Secret.class))
                .extracting(secret -> secret.getMetadata().getName())
                .containsExactly("logflow-generator");
        assertThat(Manifests.container(pod(manifests), "mongodb").getEnv())
                .filteredOn(env -> env.getValueFrom() != null)
                .extracting(env -> env.getValueFrom().getSecretKeyRef().getName())
                .containsOnly("logflow-mongodb-credentials");
        assertThat(loader(manifests).getEnv())
                .filteredOn(
                        env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .extracting(env -> env.getValueFrom().getSecretKeyRef().getName())
                .containsOnly("logflow-mongodb-credentials");
    }

    @Test
    void shouldRunAReplicaSetWithInternalKeyfileAuthenticationWhenReplicasAreAboveOne() {
        Manifests manifests = HelmChart.scenario("mongodb-replica-set-values.yaml");
        PodTemplateSpec pod = pod(manifests);

        assertThat(manifests.get(StatefulSet.class, "logflow-mongodb").getSpec().getReplicas())
                .isEqualTo(3);
        assertThat(String.join(" ", mongod(manifests).getArgs())).contains("--replSet rs0 --keyFile /keyfile/keyfile");
        assertThat(pod.getSpec().getInitContainers()).singleElement().satisfies(init -> {
            assertThat(String.join(" ", init.getCommand())).contains("chmod 0400 /keyfile/keyfile");
            assertThat(init.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/keyfile");
        });
        assertThat(pod.getSpec().getVolumes())
                .filteredOn(volume -> volume.getSecret() != null)
                .singleElement()
                .satisfies(volume -> assertThat(volume.getSecret().getItems())
                        .extracting(item -> item.getKey())
                        .containsExactly("mongodb-replica-set-key"));
    }

    @Test
    void shouldPointClientsAtEveryMemberWithTheReplicaSetName() {
        Manifests manifests = HelmChart.scenario("mongodb-replica-set-values.yaml");

        assertThat(env(loader(manifests), "QUARKUS_MONGODB_CONNECTION_STRING"))
                .isEqualTo("mongodb://" + MEMBERS + "/?replicaSet=rs0&authSource=admin");
    }

    @Test
    void shouldInitiateTheReplicaSetFromAHookJobAfterInstallAndUpgrade() {
        Manifests manifests = HelmChart.scenario("mongodb-replica-set-values.yaml");

        Job job = manifests.get(Job.class, "logflow-mongodb-replica-set-init");

        assertThat(job.getMetadata().getAnnotations()).containsEntry("logflow.test/hook", "post-install,post-upgrade");
        Container init = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(init.getCommand())
                .containsSubsequence("mongosh", "--nodb", "--file", "/scripts/replica-set-init.js");
        assertThat(env(init, "MONGODB_MEMBERS")).isEqualTo(MEMBERS);
        assertThat(env(init, "MONGODB_REPLICA_SET")).isEqualTo("rs0");
        assertThat(HelmChart.scenario("default-values.yaml").all(Job.class)).isEmpty();
    }

    @Test
    void shouldUseTheExternalConnectionStringFromASecretWhenTheBundledMongoDbIsOff() {
        Manifests manifests = HelmChart.scenario("external-mongodb-values.yaml");

        assertThat(manifests.find(StatefulSet.class, "logflow-mongodb")).isEmpty();
        Secret external = manifests.get(Secret.class, "logflow-mongodb-external");
        assertThat(decoded(external, "mongodb-connection-string")).startsWith("mongodb+srv://logflow:");
        assertThat(loader(manifests).getEnv())
                .filteredOn(env -> env.getName().equals("QUARKUS_MONGODB_CONNECTION_STRING"))
                .singleElement()
                .satisfies(env -> {
                    assertThat(env.getValue()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("logflow-mongodb-external");
                });
        assertThat(loader(manifests).getEnv())
                .noneMatch(env -> env.getName().startsWith("QUARKUS_MONGODB_CREDENTIALS"));
    }
}
