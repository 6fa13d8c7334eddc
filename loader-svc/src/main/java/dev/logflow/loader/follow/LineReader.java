package dev.logflow.loader.follow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads complete lines, that is bytes up to the last {@code \n}, with large positional reads. Bytes after the last
 * {@code \n} are left alone: Flume may still be writing that line. Not thread-safe: one per reading thread.
 */
public final class LineReader {

    private static final byte NEWLINE = '\n';

    private final byte[] buf;

    public LineReader(int bufferBytes) {
        this.buf = new byte[bufferBytes];
    }

    /**
     * Hands every complete line in [{@code from}, {@code limit}) to {@code handler}.
     *
     * @return the offset just after the last line handed over (the new checkpoint candidate)
     */
    public long read(FileChannel channel, long from, long limit, LineHandler handler) throws IOException {
        long pos = from;
        int filled = 0;
        while (pos + filled < limit) {
            int want = (int) Math.min(buf.length - filled, limit - pos - filled);
            int got = channel.read(ByteBuffer.wrap(buf, filled, want), pos + filled);
            if (got <= 0) {
                break;
            }
            int scanFrom = filled;
            filled += got;
            int consumed = handLines(scanFrom, filled, pos, handler);
            if (consumed < 0) {
                return pos - consumed - 1;
            }
            if (consumed == 0 && filled == buf.length) {
                consumed = filled;
                if (!handler.onLine(buf, 0, filled, pos, false)) {
                    return pos + filled;
                }
            }
            System.arraycopy(buf, consumed, buf, 0, filled - consumed);
            pos += consumed;
            filled -= consumed;
        }
        return pos;
    }

    /** Bytes [{@code from}, {@code to}) of the file, for a final line that never got its {@code \n}. */
    public byte[] readRange(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (to - from));
        while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) > 0) {
            // keep reading until the range is complete or the file ends
        }
        return java.util.Arrays.copyOf(bytes.array(), bytes.position());
    }

    /** @return bytes consumed from buf[0], or -(consumed + 1) when the handler asked to stop */
    private int handLines(int scanFrom, int filled, long pos, LineHandler handler) {
        int lineStart = 0;
        for (int i = scanFrom; i < filled; i++) {
            if (buf[i] == NEWLINE) {
                boolean more = handler.onLine(buf, lineStart, i - lineStart, pos + lineStart, true);
                lineStart = i + 1;
                if (!more) {
                    return -(lineStart + 1);
                }
            }
        }
        return lineStart;
    }
}
