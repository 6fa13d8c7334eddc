package dev.logflow.loader.support;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as given, for requests HTTP clients refuse to build (a broken %-escape), and reads
 * the whole answer.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    /**
     * @param status the status code of the answer
     * @param headers the header block, lines separated by CRLF
     * @param body the body as text
     */
    public record Answer(int status, String headers, String body) {}

    private RawHttp() {}

    /** {@code GET target HTTP/1.1} to the service under test. */
    public static Answer get(String target) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            return new Answer(status, answer.substring(0, end), answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
