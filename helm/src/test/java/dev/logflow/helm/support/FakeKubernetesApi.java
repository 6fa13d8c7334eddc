package dev.logflow.helm.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The few Kubernetes API answers Helm's {@code lookup} needs, served on 127.0.0.1 inside the test JVM.
 *
 * <p>Embedded Helm (helm-java) renders with a dry-run mode that still lets {@code lookup} call the cluster of
 * the current kubeconfig. Surefire points KUBECONFIG at a file this class writes, so renders never reach a real
 * cluster, and a test can put a Secret "in the cluster" to see what an upgrade does with it.
 */
public final class FakeKubernetesApi {

    private static final FakeKubernetesApi INSTANCE = start();

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    private final HttpServer server;

    private FakeKubernetesApi(HttpServer server) {
        this.server = server;
    }

    /** The running fake; the first call starts it and writes the kubeconfig. */
    public static FakeKubernetesApi instance() {
        return INSTANCE;
    }

    private static FakeKubernetesApi start() {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw new IllegalStateException(
                    "KUBECONFIG is not set: run the tests through Maven (surefire points it at the fake API)");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeKubernetesApi api = new FakeKubernetesApi(server);
            server.createContext("/", api::handle);
            server.start();
            writeKubeconfig(Path.of(kubeconfig), server.getAddress().getPort());
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeKubeconfig(Path file, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster:
                      server: http://127.0.0.1:%d
                contexts:
                  - name: fake
                    context:
                      cluster: fake
                      user: fake
                current-context: fake
                users:
                  - name: fake
                    user: {}
                """.formatted(port));
    }

    /** Makes {@code lookup "v1" "Secret" namespace name} find a Secret with these (plain text) values. */
    public void putSecret(String namespace, String name, Map<String, String> data) {
        String encoded = data.entrySet().stream()
                .map(entry -> "\"%s\":\"%s\"".formatted(entry.getKey(), base64(entry.getValue())))
                .collect(Collectors.joining(","));
        secrets.put(namespace + "/" + name, """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque",\
                "data":{%s}}""".formatted(name, namespace, encoded));
    }

    /** Stops serving; a program's main calls it, since the server's dispatcher thread keeps a JVM alive. */
    public void stop() {
        server.stop(0);
    }

    public void clearSecrets() {
        secrets.clear();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String prefix = "/api/v1/namespaces/";
        if (path.equals("/api")) {
            respond(
                    exchange,
                    200,
                    "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}");
        } else if (path.equals("/apis")) {
            respond(exchange, 200, "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}");
        } else if (path.equals("/api/v1")) {
            respond(exchange, 200, """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"secrets",\
                    "singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""");
        } else if (path.startsWith(prefix) && path.contains("/secrets/")) {
            String[] parts = path.substring(prefix.length()).split("/");
            String secret = secrets.get(parts[0] + "/" + parts[2]);
            respond(exchange, secret == null ? 404 : 200, secret == null ? notFound(parts[2]) : secret);
        } else {
            respond(exchange, 404, notFound(path));
        }
    }

    private static String notFound(String what) {
        return """
                {"kind":"Status","apiVersion":"v1","status":"Failure","message":"%s not found","reason":"NotFound",\
                "code":404}""".formatted(what);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
