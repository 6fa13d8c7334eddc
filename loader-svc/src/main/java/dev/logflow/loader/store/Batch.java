package dev.logflow.loader.store;

import dev.logflow.loader.model.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;

/**
 * Consecutive lines of one file, bytes [{@link #start()}, {@link #end()}), ready to be written as one unit: the
 * events parsed from them and the dead letters of the lines that could not be parsed.
 */
public final class Batch {

    private final String file;
    private final long start;
    private final List<BsonDocument> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private long end;
    private long bytes;
    private long fileSize;
    private boolean lastOfFile;
    private long firstLineNanos;

    public Batch(String file, long start) {
        this.file = file;
        this.start = start;
        this.end = start;
    }

    public void addEvent(BsonDocument event) {
        events.add(event);
    }

    public void addDeadLetter(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
    }

    /** The batch now covers the file up to {@code offset}, having taken {@code lineBytes} more bytes. */
    public void advance(long offset, long lineBytes) {
        if (end == start) {
            firstLineNanos = System.nanoTime();
        }
        end = offset;
        bytes += lineBytes;
    }

    /** This batch ends its file: its commit marks the checkpoint complete. */
    public Batch closeFile(long size) {
        this.fileSize = size;
        this.lastOfFile = true;
        return this;
    }

    public Batch seenSize(long size) {
        this.fileSize = Math.max(fileSize, size);
        return this;
    }

    /** Whether anything is to be inserted (a batch of empty lines only moves the checkpoint). */
    public boolean hasWrites() {
        return !events.isEmpty() || !deadLetters.isEmpty();
    }

    public int lines() {
        return events.size() + deadLetters.size();
    }

    /** How long the first line of this batch has waited; 0 while it has none. */
    public long ageNanos() {
        return end == start ? 0 : System.nanoTime() - firstLineNanos;
    }

    public String file() {
        return file;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long bytes() {
        return bytes;
    }

    public long fileSize() {
        return fileSize;
    }

    public boolean lastOfFile() {
        return lastOfFile;
    }

    public List<BsonDocument> events() {
        return events;
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
