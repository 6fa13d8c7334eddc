package dev.logflow.helm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logflow.helm.support.Manifests;
import dev.logflow.helm.validation.Fabric8StrictValidator;
import dev.logflow.helm.validation.KubernetesModelsValidator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainManifestsTest {

    @Test
    void shouldMatchTheChartRenderedWithItsDefaults() throws IOException {
        Map<String, String> expected = PlainManifests.render();
        Map<String, String> committed = PlainManifests.committed();

        assertThat(committed.keySet())
                .as("k8s/ is out of date, run: %s", PlainManifests.REGENERATE_COMMAND)
                .isEqualTo(expected.keySet());
        expected.forEach((file, content) -> assertThat(committed.get(file))
                .as("k8s/%s is out of date, run: %s", file, PlainManifests.REGENERATE_COMMAND)
                .isEqualTo(content));
    }

    @Test
    void shouldHoldNoSecretAndOnlyObjectsInTheLogflowNamespace() throws IOException {
        String all = String.join("\n---\n", PlainManifests.committed().values());
        var objects = Manifests.parse(all).objects();

        assertThat(objects).isNotEmpty().noneMatch(Secret.class::isInstance);
        assertThat(objects)
                .extracting(HasMetadata::getMetadata)
                .allSatisfy(meta -> assertThat(meta.getNamespace()).isEqualTo("logflow"));
        assertThat(objects)
                .allSatisfy(object -> assertThat(object.getMetadata().getAnnotations())
                        .as("k8s/ leaves Helm hooks out")
                        .doesNotContainKey("helm.sh/hook"));
    }

    @Test
    void shouldPassBothValidators() throws IOException {
        String all = String.join("\n---\n", PlainManifests.committed().values());

        assertThat(Fabric8StrictValidator.validate(all)).isEmpty();
        assertThat(KubernetesModelsValidator.validate(all).passed()).isTrue();
    }
}
