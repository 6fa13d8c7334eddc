package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.ChartPaths;
import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import dev.logflow.helm.support.Selectors;
import dev.logflow.helm.validation.Fabric8StrictValidator;
import dev.logflow.helm.validation.KubernetesModelsValidator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What must hold in every scenario under logflow/ci: valid objects, hardened pods, consistent wiring. */
class ScenarioTest {

    /** The Quarkus containers and the HTTP port each service serves (fixed by the services' configuration). */
    static final Map<String, Integer> QUARKUS_PORTS = Map.of("generator", 8081, "loader", 8082, "dashboard", 8080);

    static final List<String> RECOMMENDED_LABELS = List.of(
            "app.kubernetes.io/name",
            "app.kubernetes.io/instance",
            "app.kubernetes.io/version",
            "app.kubernetes.io/component",
            "app.kubernetes.io/part-of",
            "app.kubernetes.io/managed-by",
            "helm.sh/chart");

    static Stream<Path> scenarios() {
        return ChartPaths.scenarios().stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldRenderOnlyObjectsFabric8ModelsAcceptWithoutUnknownFields(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);

        assertThat(manifests.objects()).isNotEmpty();
        assertThat(Fabric8StrictValidator.validate(manifests.text())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldRenderOnlyObjectsTheKubernetesModelsSchemasAccept(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);

        KubernetesModelsValidator.Result result = KubernetesModelsValidator.validate(manifests.text());

        assertThat(result.passed())
                .as("kubernetes-models said: %s", result.lines())
                .isTrue();
        assertThat(result.lines()).contains(manifests.objects().size() + " checked, 0 invalid");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldRunEveryContainerAsNonRootWithoutPrivilegesOnAReadOnlyRootFileSystem(Path scenario) {
        List<Container> containers =
                HelmChart.scenario(scenario).allContainers().toList();

        assertThat(containers).isNotEmpty().allSatisfy(container -> {
            SecurityContext context = container.getSecurityContext();
            assertThat(context).as(container.getName()).isNotNull();
            assertThat(context.getRunAsNonRoot()).as(container.getName()).isTrue();
            assertThat(context.getAllowPrivilegeEscalation())
                    .as(container.getName())
                    .isFalse();
            assertThat(context.getReadOnlyRootFilesystem())
                    .as(container.getName())
                    .isTrue();
            assertThat(context.getCapabilities().getDrop())
                    .as(container.getName())
                    .containsExactly("ALL");
        });
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldGiveEveryContainerCpuAndMemoryRequestsAndLimits(Path scenario) {
        List<Container> containers =
                HelmChart.scenario(scenario).allContainers().toList();

        assertThat(containers).allSatisfy(container -> {
            assertThat(container.getResources().getRequests())
                    .as(container.getName())
                    .containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits())
                    .as(container.getName())
                    .containsKeys("cpu", "memory");
        });
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldLabelEveryObjectAndPodWithTheRecommendedLabels(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);

        assertThat(manifests.objects())
                .allSatisfy(object -> assertThat(object.getMetadata().getLabels())
                        .as(describe(object))
                        .containsKeys(RECOMMENDED_LABELS.toArray(String[]::new)));
        assertThat(manifests.podTemplates())
                .allSatisfy(
                        (name, template) -> assertThat(template.getMetadata().getLabels())
                                .as(name)
                                .containsKeys(RECOMMENDED_LABELS.toArray(String[]::new)));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldProbeEveryQuarkusContainerOnItsSmallRyeHealthEndpoints(Path scenario) {
        List<Container> quarkus = HelmChart.scenario(scenario)
                .allContainers()
                .filter(container -> QUARKUS_PORTS.containsKey(container.getName()))
                .toList();

        assertThat(quarkus)
                .extracting(Container::getName)
                .containsExactlyInAnyOrder("generator", "loader", "dashboard");
        assertThat(quarkus).allSatisfy(container -> {
            int port = QUARKUS_PORTS.get(container.getName());
            assertThat(container.getPorts())
                    .as(container.getName())
                    .anySatisfy(p ->
                            assertThat(p.getName() + ":" + p.getContainerPort()).isEqualTo("http:" + port));
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                    .forEach(probe ->
                            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http"));
        });
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldSelectWithEachServiceThePodsThatServeItsTargetPort(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);

        assertThat(manifests.all(Service.class)).isNotEmpty().allSatisfy(service -> {
            List<PodTemplateSpec> selected = manifests.podTemplates().values().stream()
                    .filter(pod -> Selectors.matches(
                            service.getSpec().getSelector(), pod.getMetadata().getLabels()))
                    .toList();
            assertThat(selected)
                    .as("pods selected by Service %s", service.getMetadata().getName())
                    .hasSize(1);
            List<ContainerPort> ports = selected.get(0).getSpec().getContainers().stream()
                    .flatMap(container -> container.getPorts().stream())
                    .toList();
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(ports)
                        .as("Service %s port %s", service.getMetadata().getName(), port.getName())
                        .extracting(ContainerPort::getName)
                        .contains(port.getTargetPort().getStrVal());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldGuardEveryWorkloadWithSeveralReplicasByADisruptionBudgetForItsOwnPods(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);
        List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class);

        Map<String, Integer> replicas = new java.util.HashMap<>();
        manifests
                .all(Deployment.class)
                .forEach(
                        d -> replicas.put(d.getMetadata().getName(), d.getSpec().getReplicas()));
        manifests
                .all(StatefulSet.class)
                .forEach(
                        s -> replicas.put(s.getMetadata().getName(), s.getSpec().getReplicas()));

        replicas.forEach((workload, count) -> {
            PodTemplateSpec pods = manifests.podTemplates().get(workload);
            List<PodDisruptionBudget> guarding = budgets.stream()
                    .filter(b -> Selectors.matches(
                            b.getSpec().getSelector(), pods.getMetadata().getLabels()))
                    .toList();
            assertThat(guarding)
                    .as("budgets of %s (%d replicas)", workload, count)
                    .hasSize(count > 1 ? 1 : 0);
        });
        assertThat(budgets)
                .allSatisfy(b ->
                        assertThat(b.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldMountOneVolumeAtFlumeLogInTheFlumeAndTheLoaderContainers(Path scenario) {
        StatefulSet flume = HelmChart.scenario(scenario).get(StatefulSet.class, "logflow-flume");
        PodTemplateSpec pod = flume.getSpec().getTemplate();

        List<String> volumes = Stream.of("flume", "loader")
                .map(name -> Manifests.container(pod, name).getVolumeMounts().stream()
                        .filter(mount -> "/flume/log".equals(mount.getMountPath()))
                        .filter(mount -> mount.getSubPath() == null)
                        .map(mount -> mount.getName())
                        .findFirst()
                        .orElse(null))
                .toList();

        assertThat(volumes).containsExactly("data", "data");
        assertThat(flume.getSpec().getVolumeClaimTemplates())
                .anySatisfy(claim -> assertThat(claim.getMetadata().getName()).isEqualTo("data"));
        assertThat(pod.getSpec().getVolumes())
                .noneSatisfy(volume -> assertThat(volume.getName()).isEqualTo("data"));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldTellFlumeToWriteAndTheLoaderToReadFlumeLog(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);
        PodTemplateSpec pod =
                manifests.get(StatefulSet.class, "logflow-flume").getSpec().getTemplate();

        assertThat(configOf(manifests, Manifests.container(pod, "flume"))).containsEntry("FLUME_LOG_DIR", "/flume/log");
        assertThat(configOf(manifests, Manifests.container(pod, "loader")))
                .containsEntry("LOGFLOW_LOADER_DIRECTORY", "/flume/log");
    }

    /** The environment a container takes from its ConfigMaps (envFrom). */
    static Map<String, String> configOf(Manifests manifests, Container container) {
        Map<String, String> config = new java.util.HashMap<>();
        container
                .getEnvFrom()
                .forEach(source -> config.putAll(manifests
                        .get(ConfigMap.class, source.getConfigMapRef().getName())
                        .getData()));
        return config;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldGiveTheLoaderAndTheDashboardTheSameMongoDbConnectionAndSecret(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);
        Container loader = Manifests.container(
                manifests.get(StatefulSet.class, "logflow-flume").getSpec().getTemplate(), "loader");
        Container dashboard = Manifests.container(
                manifests.get(Deployment.class, "logflow-dashboard").getSpec().getTemplate(), "dashboard");

        List<String> loaderMongo = mongoEnv(loader);

        assertThat(loaderMongo).isNotEmpty().isEqualTo(mongoEnv(dashboard));
        assertThat(loaderMongo).anyMatch(env -> env.startsWith("QUARKUS_MONGODB_CONNECTION_STRING="));
        assertThat(loaderMongo).anyMatch(env -> env.contains("secret "));
        assertThat(loaderMongo)
                .filteredOn(
                        env -> env.contains("PASSWORD") || env.startsWith("QUARKUS_MONGODB_CONNECTION_STRING=mongodb"))
                .noneMatch(env -> env.contains("PASSWORD=") && !env.contains("secret "))
                .noneMatch(env -> env.matches(".*//[^/]*:[^/]*@.*"));
    }

    /** The MongoDB settings of a container as "NAME=value" or "NAME=secret name/key". */
    private static List<String> mongoEnv(Container container) {
        return container.getEnv().stream()
                .filter(env -> env.getName().startsWith("QUARKUS_MONGODB_"))
                .map(env -> env.getName() + "="
                        + (env.getValueFrom() == null
                                ? env.getValue()
                                : "secret "
                                        + env.getValueFrom().getSecretKeyRef().getName() + "/"
                                        + env.getValueFrom().getSecretKeyRef().getKey()))
                .toList();
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + "/"
                + Objects.requireNonNull(object.getMetadata().getName());
    }
}
