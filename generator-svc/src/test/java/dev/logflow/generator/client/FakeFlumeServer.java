package dev.logflow.generator.client;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Flume's netcat source on 127.0.0.1: one thread per connection reads {@code \n}-terminated lines and
 * answers each as the {@link Responder} decides, buffering answers while more input is waiting, like the real source.
 */
public final class FakeFlumeServer implements AutoCloseable {

    /** What the server does with one line. */
    public enum Answer {
        /** Commit the line and answer {@code OK}. */
        OK,
        /** Answer {@code FAILED: ...} as Flume does when its channel is full; the line is not committed. */
        FAILED,
        /** Answer {@code FAILED: ...} about the line length, and close the connection as Flume does. */
        FAILED_TOO_LONG,
        /** Close the connection without answering; the line is not committed. */
        CLOSE,
        /** Never answer, keep reading. */
        SILENT
    }

    /** Decides the answer for the {@code index}-th line received (from 0, over all connections). */
    @FunctionalInterface
    public interface Responder {
        Answer answer(long index, String line);
    }

    private static final byte[] OK_BYTES = "OK\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILED_FULL =
            "FAILED: Space for commit to queue couldn't be acquired. Sinks are likely not keeping up with sources\n"
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILED_LONG =
            "FAILED: Event exceeds the maximum length (512 chars, including newline)\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Responder responder;
    private final boolean keepLines;
    private final Queue<String> committed = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong committedCount = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FakeFlumeServer(Responder responder, boolean keepLines, int port) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.responder = responder;
        this.keepLines = keepLines;
        Thread acceptor = new Thread(this::acceptLoop, "fake-flume-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server answering OK to everything, on a free port. */
    public static FakeFlumeServer answeringOk() throws IOException {
        return start((index, line) -> Answer.OK);
    }

    /** A server answering as {@code responder} says, on a free port, keeping every committed line. */
    public static FakeFlumeServer start(Responder responder) throws IOException {
        return new FakeFlumeServer(responder, true, 0);
    }

    /** A server on a given port (0 for a free one). */
    public static FakeFlumeServer start(Responder responder, boolean keepLines, int port) throws IOException {
        return new FakeFlumeServer(responder, keepLines, port);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Lines answered OK, in arrival order per connection (empty when lines are not kept). */
    public List<String> committed() {
        return List.copyOf(committed);
    }

    public long committedCount() {
        return committedCount.get();
    }

    /** Lines received, whatever the answer. */
    public long received() {
        return received.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                sockets.add(socket);
                Thread handler = new Thread(() -> serve(socket), "fake-flume-conn-" + accepted.get());
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') {
                        line.write(buffer[i]);
                    } else if (!handle(line.toString(StandardCharsets.UTF_8), out)) {
                        return;
                    } else {
                        line.reset();
                    }
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The client went away or the test closed the server: nothing to answer any more.
        }
    }

    /** Answers one line; false when the connection must close. */
    private boolean handle(String line, OutputStream out) throws IOException {
        Answer answer = responder.answer(received.getAndIncrement(), line);
        switch (answer) {
            case OK -> {
                if (keepLines) {
                    committed.add(line);
                }
                committedCount.incrementAndGet();
                out.write(OK_BYTES);
            }
            case FAILED -> out.write(FAILED_FULL);
            case FAILED_TOO_LONG -> {
                out.write(FAILED_LONG);
                out.flush();
                return false;
            }
            case CLOSE -> {
                return false;
            }
            case SILENT -> {
                // Keeps the line unanswered, like a hung agent.
            }
        }
        return true;
    }
}
