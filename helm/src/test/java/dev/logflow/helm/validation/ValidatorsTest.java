package dev.logflow.helm.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.HelmChart;
import org.junit.jupiter.api.Test;

/**
 * Each validator catches a mistake planted in the chart's real output, and misses the other's: that is why the
 * suite runs both. fabric8 knows every field of every kind (typos, wrong types); kubernetes-models knows which
 * fields are required.
 */
class ValidatorsTest {

    private static String defaults() {
        return HelmChart.scenario("default-values.yaml").text();
    }

    /** The default render with one occurrence of a line changed, failing if the line is not there. */
    private static String planted(String line, String replacement) {
        String text = defaults();
        assertThat(text).as("the line to plant an error in").contains(line);
        return text.replaceFirst(java.util.regex.Pattern.quote(line), replacement);
    }

    @Test
    void shouldPassTheChartDefaultsThroughBothValidators() {
        assertThat(Fabric8StrictValidator.validate(defaults())).isEmpty();
        assertThat(KubernetesModelsValidator.validate(defaults()).passed()).isTrue();
    }

    @Test
    void shouldCatchAMisspelledProbeFieldWithFabric8WhileKubernetesModelsLetsItThrough() {
        String misspelled = planted("          readinessProbe:\n", "          readinesProbe:\n");

        assertThat(Fabric8StrictValidator.validate(misspelled))
                .singleElement()
                .asString()
                .contains("unknown field(s) [readinesProbe]");
        assertThat(KubernetesModelsValidator.validate(misspelled).passed()).isTrue();
    }

    @Test
    void shouldCatchAValueOfTheWrongTypeWithFabric8() {
        String wrongType = planted("  replicas: 1\n", "  replicas: [1]\n");

        assertThat(Fabric8StrictValidator.validate(wrongType))
                .singleElement()
                .asString()
                .contains("replicas");
    }

    @Test
    void shouldCatchAMissingRequiredServicePortWithKubernetesModelsWhileFabric8LetsItThrough() {
        String missingPort = planted("      port: 8080\n", "");

        KubernetesModelsValidator.Result result = KubernetesModelsValidator.validate(missingPort);

        assertThat(result.passed()).isFalse();
        assertThat(result.invalid())
                .singleElement()
                .asString()
                .startsWith("INVALID Service/logflow-dashboard")
                .contains("must have required property port");
        assertThat(Fabric8StrictValidator.validate(missingPort)).isEmpty();
    }

    @Test
    void shouldRefuseAnObjectOfAKindNeitherValidatorKnows() {
        String unknownKind = defaults() + "\n---\napiVersion: logflow.dev/v1\nkind: Pipeline\nmetadata:\n  name: x\n";

        assertThat(Fabric8StrictValidator.validate(unknownKind))
                .singleElement()
                .asString()
                .contains("kind: Pipeline");
        assertThat(KubernetesModelsValidator.validate(unknownKind).invalid())
                .singleElement()
                .asString()
                .contains("no schema for apiVersion logflow.dev/v1");
    }
}
