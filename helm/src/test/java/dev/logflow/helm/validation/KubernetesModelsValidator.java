package dev.logflow.helm.validation;

import dev.logflow.helm.support.ChartPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs validator/validate.mjs: the npm package kubernetes-models checks each object against the OpenAPI schema
 * of its kind (required fields, types, formats). It ignores unknown fields, which fabric8 catches.
 * The build installs it with `npm ci` in the helm module (exec-maven-plugin, generate-test-resources).
 */
public final class KubernetesModelsValidator {

    private static final long TIMEOUT_SECONDS = 120;

    private KubernetesModelsValidator() {}

    /** What the script said about each object, and whether every object passed. */
    public record Result(int exitCode, List<String> lines) {

        public boolean passed() {
            return exitCode == 0;
        }

        public List<String> invalid() {
            return lines.stream().filter(line -> line.startsWith("INVALID")).toList();
        }
    }

    public static Result validate(String yaml) {
        try {
            Path file = Files.createTempFile("logflow-rendered-", ".yaml");
            try {
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
                return run(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result run(Path file) throws IOException {
        Path module = ChartPaths.module();
        if (!Files.isDirectory(module.resolve("node_modules/kubernetes-models"))) {
            throw new IllegalStateException("kubernetes-models is not installed: run `npm ci` in " + module
                    + " (the Maven build does it in generate-test-resources unless -DskipNpm)");
        }
        Process process = new ProcessBuilder("node", "validator/validate.mjs", file.toString())
                .directory(module.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>(
                process.inputReader(StandardCharsets.UTF_8).lines().toList());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "node validator/validate.mjs did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating", e);
        }
        return new Result(process.exitValue(), lines);
    }
}
