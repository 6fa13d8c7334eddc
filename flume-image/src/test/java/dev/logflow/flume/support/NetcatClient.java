package dev.logflow.flume.support;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sender speaking the netcat source's protocol: '\n'-terminated UTF-8 lines out, one answer line back per
 * line ({@code OK} or {@code FAILED: ...}). Answers are read on a second thread while lines are written,
 * because the agent stops reading once the sender stops reading its answers.
 */
public final class NetcatClient implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int WRITE_BUFFER_CHARS = 64 * 1024;

    private final Socket socket;
    private final Writer writer;
    private final BufferedReader reader;

    private NetcatClient(Socket socket) throws IOException {
        this.socket = socket;
        this.writer = new BufferedWriter(
                new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), WRITE_BUFFER_CHARS);
        this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Connects to an agent on 127.0.0.1. */
    public static NetcatClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
        return new NetcatClient(socket);
    }

    /**
     * Sends each line followed by '\n' and returns the agent's answers, one per line it answered; fewer when the
     * agent closed the connection first.
     */
    public List<String> send(List<String> lines, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<List<String>> answers = CompletableFuture.supplyAsync(() -> readAnswers(lines.size()));
        for (String line : lines) {
            writer.write(line);
            writer.write('\n');
        }
        writer.flush();
        return await(answers, timeout);
    }

    /** Sends characters without a line end, as a sender does in the middle of a long line. */
    public void sendUnterminated(String text) throws IOException {
        writer.write(text);
        writer.flush();
    }

    /** Reads the next answer line; {@code null} once the agent has closed the connection. */
    public String readAnswer(Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        return reader.readLine();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private List<String> readAnswers(int expected) {
        List<String> answers = new ArrayList<>(expected);
        try {
            String answer;
            while (answers.size() < expected && (answer = reader.readLine()) != null) {
                answers.add(answer);
            }
        } catch (IOException closedByAgent) {
            // Fewer answers than lines is the outcome the caller asserts on.
        }
        return answers;
    }

    private static List<String> await(CompletableFuture<List<String>> answers, Duration timeout)
            throws InterruptedException, IOException {
        try {
            return answers.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Reading the agent's answers failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("The agent answered too slowly: no full set of answers within " + timeout, e);
        }
    }
}
