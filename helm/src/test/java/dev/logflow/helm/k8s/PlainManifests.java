package dev.logflow.helm.k8s;

import dev.logflow.helm.support.ChartPaths;
import dev.logflow.helm.support.FakeKubernetesApi;
import dev.logflow.helm.support.HelmChart;
import dev.logflow.helm.support.Manifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Produces k8s/: the chart rendered with its defaults plus helm/k8s-values.yaml (the MongoDB and generator Secrets
 * are created by hand, so no password or token is committed), release "logflow" in namespace "logflow", one file
 * per template.
 * Helm hooks (the `helm test` pod, the replica-set Job) are left out, as with `helm template --no-hooks`:
 * {@link HelmChart#render} renders the release manifest only. Run it with
 * {@value #REGENERATE_COMMAND}.
 */
public final class PlainManifests {

    /** The command that rewrites k8s/ from the chart. */
    public static final String REGENERATE_COMMAND = "./mvnw -B -pl helm -Pregenerate-k8s process-test-classes";

    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: [^/]+/templates/(.+)$");

    private static final String HEADER = """
            # Generated from the Helm chart helm/logflow: do not edit by hand.
            # Regenerate with: %s
            # Create the namespace and the Secrets logflow-mongodb and logflow-generator first: see k8s/README.md.
            """;

    private PlainManifests() {}

    /** File name in k8s/ to its content, for the chart as it is now. */
    public static Map<String, String> render() {
        Manifests manifests = HelmChart.render(ChartPaths.plainManifestValues());
        Map<String, StringBuilder> files = new TreeMap<>();
        for (String document : manifests.documents()) {
            files.computeIfAbsent(fileName(document), name -> new StringBuilder(HEADER.formatted(REGENERATE_COMMAND)))
                    .append("---\n")
                    .append(document)
                    .append('\n');
        }
        Map<String, String> contents = new TreeMap<>();
        files.forEach((name, content) -> contents.put(name, content.toString()));
        return contents;
    }

    /** templates/mongodb/statefulset.yaml becomes mongodb-statefulset.yaml. */
    private static String fileName(String document) {
        Matcher source = SOURCE.matcher(document);
        if (!source.find()) {
            throw new IllegalStateException("rendered document without a '# Source:' line: "
                    + document.lines().findFirst());
        }
        return source.group(1).replace('/', '-');
    }

    /** The YAML files now in k8s/, by name. */
    public static Map<String, String> committed() throws IOException {
        Map<String, String> contents = new TreeMap<>();
        for (Path file : yamlFiles()) {
            contents.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        return contents;
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(ChartPaths.plainManifests())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    /** Rewrites k8s/*.yaml; files of templates that no longer render anything are removed. */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(ChartPaths.plainManifests());
        for (Path stale : yamlFiles()) {
            Files.delete(stale);
        }
        for (Map.Entry<String, String> file : render().entrySet()) {
            Files.writeString(
                    ChartPaths.plainManifests().resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        FakeKubernetesApi.instance().stop();
    }
}
