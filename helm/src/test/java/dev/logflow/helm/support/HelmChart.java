package dev.logflow.helm.support;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The chart driven through Helm 3 embedded in the JVM (helm-java): lint, template and a client-only install. */
public final class HelmChart {

    /** Release and namespace of every render, so names are predictable: logflow-mongodb in namespace logflow. */
    public static final String RELEASE = "logflow";

    public static final String NAMESPACE = "logflow";

    /** The Kubernetes version renders are checked against (the chart needs at least 1.27). */
    public static final String KUBE_VERSION = "1.32.0";

    private static final Map<Path, Manifests> SCENARIOS = new ConcurrentHashMap<>();

    private HelmChart() {}

    /**
     * A scenario under logflow/ci rendered once per test run, hooks included (see {@link #renderWithHooks}); the
     * files do not change while tests run.
     */
    public static Manifests scenario(String fileName) {
        return scenario(ChartPaths.chart().resolve("ci").resolve(fileName));
    }

    public static Manifests scenario(Path valuesFile) {
        return SCENARIOS.computeIfAbsent(valuesFile, file -> renderWithHooks(Map.of(), file));
    }

    /**
     * Renders like `helm template`, hooks included. helm-java's template returns the release manifest only,
     * which leaves hooks out (the `helm test` pod, the replica-set Job); so this renders a copy of the chart whose
     * {@value HookVisibleChart#HOOK_PREFIX} annotations are renamed to {@value HookVisibleChart#VISIBLE_PREFIX}:
     * the same objects, rendered as plain ones.
     */
    public static Manifests renderWithHooks(Map<String, Object> sets, Path... valuesFiles) {
        return render(HookVisibleChart.path(), sets, valuesFiles);
    }

    public static LintResult lintStrict() {
        return new Helm(ChartPaths.chart()).lint().strict().call();
    }

    /**
     * Renders the chart like `helm template --no-hooks` (what a release applies before its hooks), values files
     * applied in order, then the --set values.
     */
    public static Manifests render(Map<String, Object> sets, Path... valuesFiles) {
        return render(ChartPaths.chart(), sets, valuesFiles);
    }

    private static Manifests render(Path chart, Map<String, Object> sets, Path... valuesFiles) {
        FakeKubernetesApi.instance();
        TemplateCommand command = new Helm(chart)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path valuesFile : valuesFiles) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return Manifests.parse(command.call());
    }

    public static Manifests render(Path... valuesFiles) {
        return render(Map.of(), valuesFiles);
    }

    /** NOTES.txt as `helm install` prints it, from a client-only dry run (no cluster involved). */
    public static String installNotes(Map<String, Object> sets) {
        FakeKubernetesApi.instance();
        var install = new Helm(ChartPaths.chart())
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .clientOnly()
                .dryRun()
                .withDryRunOption(DryRun.CLIENT);
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            install = install.set(set.getKey(), set.getValue());
        }
        return install.call().getOutput();
    }
}
