package dev.logflow.generator.rest;

import dev.logflow.generator.client.FakeFlumeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a fake Flume netcat source answering OK before Quarkus boots, and points the generator at it. */
public class FakeFlumeResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeFlumeServer server;

    /** The running fake server. */
    public static FakeFlumeServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = FakeFlumeServer.answeringOk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("logflow.generator.flume-port", String.valueOf(server.port()));
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
