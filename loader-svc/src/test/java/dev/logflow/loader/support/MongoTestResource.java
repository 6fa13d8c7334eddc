package dev.logflow.loader.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An in-process MongoDB stand-in (mongo-java-server, memory backend) on a random port of 127.0.0.1, and a temp
 * directory playing Flume's file_roll directory.
 */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    private static Path flumeDir;
    private MongoServer server;

    /** The directory the loader under test follows. */
    public static Path flumeDir() {
        return flumeDir;
    }

    @Override
    public Map<String, String> start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try {
            flumeDir = Files.createTempDirectory("logflow-flume-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.mongodb.connection-string",
                "mongodb://127.0.0.1:" + address.getPort(),
                "logflow.loader.directory",
                flumeDir.toString(),
                // Every scrape reads source_stats afresh, so a test sees the gauge of the data it just loaded.
                "logflow.loader.gaps-cache-ttl",
                "0s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
