package dev.logflow.generator.service;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines on {@code \n}, drops the {@code \r} of a {@code \r\n} ending and hands over a last
 * line without newline too. Memory stays bounded: a line longer than the limit is reported by its length only.
 */
final class LineSplitter {

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    /** Receives the lines of a stream, numbered from 1. */
    interface Handler {

        /** A line of at most the limit, without its ending; {@code bytes} is reused after the call. */
        void line(long number, byte[] bytes, int length) throws InterruptedException;

        /** A line longer than the limit, with its full length in bytes (ending excluded). */
        void tooLong(long number, long length) throws InterruptedException;

        /** Whether to stop reading. */
        default boolean cancelled() {
            return false;
        }
    }

    private final int maxBytes;
    private final byte[] line;
    private int length;
    private long overflowLength;
    private long number;
    private byte last;

    /** A splitter for lines of at most {@code maxBytes} bytes, the line ending excluded. */
    LineSplitter(int maxBytes) {
        this.maxBytes = maxBytes;
        // One spare byte holds a \r that is not part of the line.
        this.line = new byte[maxBytes + 1];
    }

    /** Reads the stream to its end, or until the handler cancels. */
    void split(InputStream in, Handler handler) throws IOException, InterruptedException {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        int read;
        while (!handler.cancelled() && (read = in.read(buffer)) >= 0) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    endLine(handler);
                } else {
                    append(buffer[i]);
                }
            }
        }
        if (!handler.cancelled() && (length > 0 || overflowLength > 0)) {
            endLine(handler);
        }
    }

    private void append(byte b) {
        last = b;
        if (overflowLength > 0) {
            overflowLength++;
        } else if (length < line.length) {
            line[length++] = b;
        } else {
            overflowLength = length + 1L;
        }
    }

    private void endLine(Handler handler) throws InterruptedException {
        number++;
        long full = overflowLength > 0 ? overflowLength : length;
        if (full > 0 && last == '\r') {
            full--;
        }
        int kept = (int) Math.min(full, length);
        length = 0;
        overflowLength = 0;
        if (full > maxBytes) {
            handler.tooLong(number, full);
        } else {
            handler.line(number, line, kept);
        }
    }
}
