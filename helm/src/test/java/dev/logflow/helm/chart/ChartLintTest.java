package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import dev.logflow.helm.support.HelmChart;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void shouldPassHelmLintInStrictMode() {
        LintResult result = HelmChart.lintStrict();

        assertThat(result.isFailed())
                .as("helm lint --strict: %s", result.getMessages())
                .isFalse();
        assertThat(result.getMessages())
                .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }
}
