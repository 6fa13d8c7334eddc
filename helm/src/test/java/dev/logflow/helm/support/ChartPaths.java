package dev.logflow.helm.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the chart, its CI scenarios, the plain manifests and the services live, from the helm module. */
public final class ChartPaths {

    private ChartPaths() {}

    /** The helm module: Maven runs tests from it; a run from the repository root works too. */
    public static Path module() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("logflow"))) {
            return here;
        }
        Path fromRoot = here.resolve("helm");
        if (Files.isDirectory(fromRoot.resolve("logflow"))) {
            return fromRoot;
        }
        throw new IllegalStateException("cannot find the chart helm/logflow from " + here);
    }

    public static Path chart() {
        return module().resolve("logflow");
    }

    public static Path repositoryRoot() {
        return module().getParent();
    }

    public static Path plainManifests() {
        return repositoryRoot().resolve("k8s");
    }

    /** The values file the plain manifests in k8s/ are rendered with (see k8s/README.md). */
    public static Path plainManifestValues() {
        return module().resolve("k8s-values.yaml");
    }

    /** Every scenario under logflow/ci, sorted by name. */
    public static List<Path> scenarios() {
        try (Stream<Path> files = Files.list(chart().resolve("ci"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-values.yaml"))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
