package dev.logflow.loader.follow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads complete lines, that is bytes up to the last {@code \n}, with large positional reads. Bytes after the last
 * {@code \n} are left alone: Flume may still be writing that line. A line longer than the buffer is scanned to its
 * end and handed over whole as its head and its length, so memory stays bounded by the buffer whatever the line.
 * Not thread-safe: one per reading thread.
 */
public final class LineReader {

    private static final byte NEWLINE = '\n';
    private static final long NOT_FOUND = -1;

    private final byte[] buf;
    private final byte[] head;

    /** A reader whose long lines keep a head as long as the buffer. */
    public LineReader(int bufferBytes) {
        this(bufferBytes, bufferBytes);
    }

    /**
     * @param bufferBytes size of one read, also the longest line handed over with all its bytes
     * @param headBytes how many first bytes of a longer line are handed over (at most {@code bufferBytes})
     */
    public LineReader(int bufferBytes, int headBytes) {
        this.buf = new byte[bufferBytes];
        this.head = new byte[Math.min(headBytes, bufferBytes)];
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
                long next = longLine(channel, pos, limit, handler);
                if (next < 0) {
                    return -next - 1;
                }
                pos = next;
                filled = 0;
                continue;
            }
            System.arraycopy(buf, consumed, buf, 0, filled - consumed);
            pos += consumed;
            filled -= consumed;
        }
        return pos;
    }

    /**
     * The first {@code max} bytes of [{@code from}, {@code to}) for a final line that never got its {@code \n}: its
     * length is {@code to - from}, however much of it is read.
     */
    public byte[] readHead(FileChannel channel, long from, long to, int max) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(to - from, max));
        while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) > 0) {
            // keep reading until the head is complete or the file ends
        }
        return java.util.Arrays.copyOf(bytes.array(), bytes.position());
    }

    /**
     * The line at {@code pos} fills the whole buffer: keeps its head, finds its end and hands it over.
     *
     * @return the offset after its {@code \n}; or {@code -(stop + 1)} to end the read at {@code stop}: at {@code pos}
     *     while the line has no {@code \n} before {@code limit}, after it when the handler asked to stop
     */
    private long longLine(FileChannel channel, long pos, long limit, LineHandler handler) throws IOException {
        System.arraycopy(buf, 0, head, 0, head.length);
        long newline = findNewline(channel, pos + buf.length, limit);
        if (newline == NOT_FOUND) {
            return -pos - 1;
        }
        boolean more = handler.onLongLine(head, head.length, pos, newline - pos);
        return more ? newline + 1 : -(newline + 1) - 1;
    }

    /** The offset of the first {@code \n} in [{@code from}, {@code limit}), read through the buffer. */
    private long findNewline(FileChannel channel, long from, long limit) throws IOException {
        long pos = from;
        while (pos < limit) {
            int got = channel.read(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, limit - pos)), pos);
            if (got <= 0) {
                return NOT_FOUND;
            }
            for (int i = 0; i < got; i++) {
                if (buf[i] == NEWLINE) {
                    return pos + i;
                }
            }
            pos += got;
        }
        return NOT_FOUND;
    }

    /** @return bytes consumed from buf[0], or -(consumed + 1) when the handler asked to stop */
    private int handLines(int scanFrom, int filled, long pos, LineHandler handler) {
        int lineStart = 0;
        for (int i = scanFrom; i < filled; i++) {
            if (buf[i] == NEWLINE) {
                boolean more = handler.onLine(buf, lineStart, i - lineStart, pos + lineStart);
                lineStart = i + 1;
                if (!more) {
                    return -(lineStart + 1);
                }
            }
        }
        return lineStart;
    }
}
