package dev.logflow.helm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the chart under target/ in which Helm hooks render as ordinary objects (see HelmChart). */
final class HookVisibleChart {

    static final String HOOK_PREFIX = "helm.sh/hook";

    /** Hook annotations keep their value under this key, so tests can still tell which objects are hooks. */
    static final String VISIBLE_PREFIX = "logflow.test/hook";

    private static final Path COPY = copy();

    private HookVisibleChart() {}

    static Path path() {
        return COPY;
    }

    private static Path copy() {
        Path source = ChartPaths.chart();
        Path target = ChartPaths.module().resolve("target/hook-visible-chart/logflow");
        try {
            deleteRecursively(target);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, Files.readString(file).replace(HOOK_PREFIX, VISIBLE_PREFIX));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
