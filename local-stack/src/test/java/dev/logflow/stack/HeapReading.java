package dev.logflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What a service holds on its heap, read right after a full collection so that garbage does not count: {@code jcmd
 * <pid> GC.run}, then the sums over the heap pools of {@code jvm_memory_used_bytes{area="heap"}} and
 * {@code jvm_memory_max_bytes{area="heap"}} from its {@code /q/metrics}.
 *
 * @param usedBytes heap in use after the collection: what the service still refers to, plus what it allocated since
 * @param maxBytes the most the heap may grow to (about the JVM's {@code -Xmx})
 */
record HeapReading(long usedBytes, long maxBytes) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration JCMD_TIMEOUT = Duration.ofMinutes(1);

    /** Collects the garbage of the JVM {@code pid}, then reads its heap from the service at {@code serviceUrl}. */
    static HeapReading afterFullGc(long pid, String serviceUrl) {
        collectGarbage(pid);
        String metrics = fetch(serviceUrl + "/q/metrics");
        return new HeapReading(sum(metrics, "jvm_memory_used_bytes{"), sum(metrics, "jvm_memory_max_bytes{"));
    }

    /** {@code System.gc()} in the target JVM: a full, compacting collection with the services' serial collector. */
    private static void collectGarbage(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .start();
            // Its few lines of output fit the pipe, so waiting before reading them cannot block jcmd.
            boolean exited = process.waitFor(JCMD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + pid + " GC.run did not finish within " + JCMD_TIMEOUT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " GC.run failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static long sum(String metrics, String family) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(family) && line.contains("area=\"heap\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                total += Math.max(0, value);
            }
        }
        if (total == 0) {
            throw new IllegalStateException("no " + family + "area=\"heap\"} in the metrics");
        }
        return (long) total;
    }

    private static String fetch(String url) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
