package dev.logflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A TCP proxy on 127.0.0.1 in front of one upstream server whose bandwidth can be capped and lifted while it runs, to
 * make a server slow without touching it. Each direction of each connection is paced on its own, so a small request
 * (a driver heartbeat) is not queued behind a large one on another connection. It accepts at most
 * {@code maxConnections} at a time and closes itself, with every connection, on {@link #close()} or after its
 * lifetime, so a failed test cannot leave it running.
 */
final class ThrottlingProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ThrottlingProxy.class);
    private static final int CHUNK_BYTES = 8 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ServerSocket server;
    private final int maxConnections;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final Thread reaper;
    private volatile InetSocketAddress upstream;
    /** Bytes per second per direction and connection; 0 forwards at full speed. */
    private volatile long bytesPerSecond;

    private volatile boolean closed;

    private ThrottlingProxy(int maxConnections, Duration lifetime) throws IOException {
        this.server = new ServerSocket(0, maxConnections, InetAddress.getLoopbackAddress());
        this.maxConnections = maxConnections;
        this.acceptor = daemon("proxy-accept", this::acceptLoop);
        this.reaper = daemon("proxy-lifetime", () -> closeAfter(lifetime));
    }

    /** A proxy on a free loopback port; call {@link #forwardTo} before the first client connects. */
    static ThrottlingProxy start(int maxConnections, Duration lifetime) {
        try {
            ThrottlingProxy proxy = new ThrottlingProxy(maxConnections, lifetime);
            proxy.acceptor.start();
            proxy.reaper.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy's port", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    void forwardTo(String host, int port) {
        upstream = new InetSocketAddress(host, port);
    }

    /** Caps every direction of every connection to {@code bytes} per second from now on. */
    void limit(long bytes) {
        bytesPerSecond = bytes;
    }

    /** Forwards at full speed from now on. */
    void unlimited() {
        bytesPerSecond = 0;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        sockets.forEach(ThrottlingProxy::closeQuietly);
        reaper.interrupt();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (sockets.size() >= 2 * maxConnections) {
                    LOG.warnf("Proxy refuses a connection: %d open already", maxConnections);
                    closeQuietly(client);
                    continue;
                }
                connect(client);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warnf("Proxy stops accepting: %s", e);
                }
                return;
            }
        }
    }

    private void connect(Socket client) throws IOException {
        Socket target = new Socket();
        sockets.add(client);
        sockets.add(target);
        try {
            target.connect(upstream, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            LOG.warnf("Proxy cannot reach %s: %s", upstream, e);
            release(client, target);
            return;
        }
        daemon("proxy-up", () -> pump(client, target)).start();
        daemon("proxy-down", () -> pump(target, client)).start();
    }

    /** Copies one direction until either side closes, pacing each chunk to the current cap. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[CHUNK_BYTES];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while (!closed && (read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                pace(read);
            }
        } catch (IOException e) {
            LOG.debugf("Proxy connection ended: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release(from, to);
        }
    }

    private void pace(int bytes) throws InterruptedException {
        long cap = bytesPerSecond;
        if (cap > 0) {
            TimeUnit.NANOSECONDS.sleep(bytes * NANOS_PER_SECOND / cap);
        }
    }

    private void release(Socket first, Socket second) {
        closeQuietly(first);
        closeQuietly(second);
        sockets.remove(first);
        sockets.remove(second);
    }

    private void closeAfter(Duration lifetime) {
        try {
            Thread.sleep(lifetime.toMillis());
            LOG.warnf("Proxy closes itself after its lifetime of %s", lifetime);
            close();
        } catch (InterruptedException e) {
            // close() ended the proxy first.
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debugf("Closing failed: %s", e);
        }
    }
}
