package dev.logflow.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A MongoDB wire-protocol server for machines without a real {@code mongod}: mongo-java-server with either the
 * in-memory backend (tests) or the H2 MVStore file backend (the local run, data survives restarts).
 */
@Command(
        name = "embedded-mongo",
        mixinStandardHelpOptions = true,
        description = "Serves the MongoDB wire protocol on a local port.")
public final class EmbeddedMongo implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class);

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "27017", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--data-file",
            description = "H2 MVStore file that keeps the data; without it the data lives in memory only.")
    Path dataFile;

    @Option(
            names = "--cache-mb",
            defaultValue = "1024",
            description = "MVStore page cache in MiB; aggregations slow down a lot with a small one (default: "
                    + "${DEFAULT-VALUE}).")
    int cacheMb;

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        Logging.configure();
        System.exit(new CommandLine(new EmbeddedMongo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        MongoBackend backend = openBackend();
        MongoServer server = new MongoServer(backend);
        server.bind(bind, port);
        LOG.infof("Embedded MongoDB listening on mongodb://%s:%d (%s)", bind, port, describe());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(server, backend), "embedded-mongo-stop"));
        stopped.await();
        return 0;
    }

    private MongoBackend openBackend() throws Exception {
        if (dataFile == null) {
            return new MemoryBackend();
        }
        Files.createDirectories(dataFile.toAbsolutePath().getParent());
        MVStore store = new MVStore.Builder()
                .fileName(dataFile.toString())
                .cacheSize(cacheMb)
                .compress()
                .open();
        return new H2Backend(store);
    }

    private String describe() {
        return dataFile == null ? "memory backend" : "H2 file backend at " + dataFile;
    }

    private void shutDown(MongoServer server, MongoBackend backend) {
        LOG.info("Stopping embedded MongoDB");
        server.shutdownNow();
        backend.close();
        stopped.countDown();
    }
}
