package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.ChartPaths;
import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Passwords, keys and tokens reach pods from Secrets only (secretKeyRef or a Secret volume): never as a plain env
 * value, in a ConfigMap, in args or a command, or inside a connection string outside a Secret.
 */
class SecretsStayInSecretsTest {

    /** Env names that carry a secret by their name. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|TOKEN|SECRET|_KEY)$");
    /** A connection string with user information (user:password@). */
    private static final Pattern URI_WITH_PASSWORD = Pattern.compile("mongodb(\\+srv)?://[^/@\\s]*:[^/@\\s]*@");
    /** Secret values shorter than this (e.g. "admin") are not searched for: they would match unrelated text. */
    private static final int SHORTEST_SECRET = 8;

    static Stream<Path> scenarios() {
        return Stream.concat(ChartPaths.scenarios().stream(), Stream.of(ChartPaths.plainManifestValues()));
    }

    /** Every text a pod spec or ConfigMap carries in plain sight: env values, args, commands, ConfigMap data. */
    private static List<String> plainTexts(Manifests manifests) {
        List<String> texts = new ArrayList<>();
        manifests.allContainers().forEach(container -> {
            texts.addAll(container.getArgs());
            texts.addAll(container.getCommand());
            container.getEnv().stream()
                    .map(EnvVar::getValue)
                    .filter(Objects::nonNull)
                    .forEach(texts::add);
        });
        manifests.all(ConfigMap.class).forEach(map -> {
            if (map.getData() != null) {
                texts.addAll(map.getData().values());
            }
        });
        return texts;
    }

    private static List<String> secretValues(Manifests manifests) {
        List<String> values = new ArrayList<>();
        for (Secret secret : manifests.all(Secret.class)) {
            if (secret.getData() != null) {
                secret.getData().values().stream()
                        .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8))
                        .filter(value -> value.length() >= SHORTEST_SECRET)
                        .forEach(values::add);
            }
            if (secret.getStringData() != null) {
                values.addAll(secret.getStringData().values());
            }
        }
        return values;
    }

    /** "container/ENV" of every env variable named like a secret that does not come from a secretKeyRef. */
    private static List<String> secretNamedEnvNotFromSecrets(Manifests manifests) {
        List<String> found = new ArrayList<>();
        manifests
                .allContainers()
                .forEach(container -> container.getEnv().stream()
                        .filter(env -> SECRET_NAME.matcher(env.getName()).matches())
                        .filter(env ->
                                env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null)
                        .forEach(env -> found.add(container.getName() + "/" + env.getName())));
        return found;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldTakeEveryEnvVariableNamedLikeASecretFromASecretKeyRef(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);

        assertThat(manifests.allContainers().flatMap(container -> container.getEnv().stream()))
                .extracting(EnvVar::getName)
                .anyMatch(name -> SECRET_NAME.matcher(name).matches());
        assertThat(secretNamedEnvNotFromSecrets(manifests)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shouldShowNoValueOfARenderedSecretAndNoPasswordInAConnectionStringOutsideSecrets(Path scenario) {
        Manifests manifests = HelmChart.scenario(scenario);
        List<String> plain = plainTexts(manifests);

        assertThat(plain).noneMatch(text -> URI_WITH_PASSWORD.matcher(text).find());
        for (String secret : secretValues(manifests)) {
            assertThat(plain).as("texts outside Secrets").noneMatch(text -> text.contains(secret));
        }
    }

    @Test
    void shouldKeepPasswordsGivenInValuesInsideTheirSecrets() {
        Map<String, Object> passwords = Map.of(
                "mongodb.auth.rootPassword", "rootChosenInValues",
                "mongodb.auth.password", "appChosenInValues",
                "mongodb.auth.replicaSetKey", "keyChosenInValues",
                "mongodb.replicas", 3);
        Manifests manifests = HelmChart.renderWithHooks(passwords);
        String outsideSecrets = String.join("\n", plainTexts(manifests));

        assertThat(secretValues(manifests)).contains("rootChosenInValues", "appChosenInValues", "keyChosenInValues");
        assertThat(outsideSecrets).doesNotContain("rootChosenInValues", "appChosenInValues", "keyChosenInValues");
    }

    @Test
    void shouldCatchAPasswordPutIntoAPlainEnvValue() {
        Manifests manifests = HelmChart.renderWithHooks(Map.of(
                "dashboard.extraEnv[0].name", "QUARKUS_MONGODB_CONNECTION_STRING",
                "dashboard.extraEnv[0].value", "mongodb://logflow:plainSight@db:27017",
                "generator.extraEnv[0].name", "QUARKUS_MONGODB_CREDENTIALS_PASSWORD",
                "generator.extraEnv[0].value", "plainSight"));

        assertThat(plainTexts(manifests))
                .anyMatch(text -> URI_WITH_PASSWORD.matcher(text).find());
        assertThat(secretNamedEnvNotFromSecrets(manifests))
                .containsExactly("generator/QUARKUS_MONGODB_CREDENTIALS_PASSWORD");
    }
}
