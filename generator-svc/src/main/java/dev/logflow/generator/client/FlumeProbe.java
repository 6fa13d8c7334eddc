package dev.logflow.generator.client;

import dev.logflow.generator.config.GeneratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jboss.logging.Logger;

/** Checks that a TCP connection to Flume can be opened; results are reused for a second or two. */
@ApplicationScoped
public class FlumeProbe {

    private static final Logger LOG = Logger.getLogger(FlumeProbe.class);

    private final GeneratorConfig config;
    private volatile Result last;

    FlumeProbe(GeneratorConfig config) {
        this.config = config;
    }

    /**
     * Outcome of a probe.
     *
     * @param reachable whether the connection opened
     * @param error why it did not, or null
     * @param atNanos when the probe ran ({@link System#nanoTime()})
     */
    public record Result(boolean reachable, String error, long atNanos) {}

    /** {@code host:port} of Flume's netcat source. */
    public String address() {
        return config.flumeHost() + ":" + config.flumePort();
    }

    /** The latest result, probing again when it is older than the cache time. */
    public Result check() {
        Result cached = last;
        long now = System.nanoTime();
        if (cached != null
                && now - cached.atNanos() < config.health().cacheTtl().toNanos()) {
            return cached;
        }
        Result fresh = probe(now);
        last = fresh;
        return fresh;
    }

    private Result probe(long now) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.flumeHost(), config.flumePort()), (int)
                    config.health().probeTimeout().toMillis());
            return new Result(true, null, now);
        } catch (IOException e) {
            LOG.debugf("Flume %s is not reachable: %s", address(), e);
            return new Result(false, e.toString(), now);
        }
    }
}
