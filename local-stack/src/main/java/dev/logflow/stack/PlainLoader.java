package dev.logflow.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * The benchmark's yardstick, not part of logflow: the plainest loader of the same design, which reads Flume's files
 * and stores each JSON line with {@code insertMany} batches of 1,000, with no checkpoints, no deduplication, no
 * rollups and no dead letters. Measuring it on the same machine, Flume and server shows what logflow's guarantees
 * cost.
 */
final class PlainLoader implements Runnable {

    private static final int BATCH = 1000;
    private static final int READ_BUFFER = 1 << 20;
    private static final long IDLE_SLEEP_MILLIS = 20;

    private final Path directory;
    private final String connectionString;
    private final AtomicLong inserted = new AtomicLong();
    private final Map<Path, Long> offsets = new HashMap<>();
    private final List<Document> batch = new ArrayList<>(BATCH);
    private volatile boolean running = true;

    PlainLoader(Path directory, String connectionString) {
        this.directory = directory;
        this.connectionString = connectionString;
    }

    long inserted() {
        return inserted.get();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> events = client.getDatabase("plain").getCollection("events");
            while (running) {
                boolean read = readNewLines(events);
                flush(events);
                if (!read) {
                    ManagedProcess.sleep(java.time.Duration.ofMillis(IDLE_SLEEP_MILLIS));
                }
            }
        }
    }

    private boolean readNewLines(MongoCollection<Document> events) {
        boolean read = false;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                read |= readFile(file, events);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    private boolean readFile(Path file, MongoCollection<Document> events) {
        long offset = offsets.getOrDefault(file, 0L);
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int n = channel.read(buffer, offset);
            if (n <= 0) {
                return false;
            }
            int consumed = parseLines(buffer.array(), n, events);
            offsets.put(file, offset + consumed);
            return consumed > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int parseLines(byte[] bytes, int length, MongoCollection<Document> events) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                if (i > start) {
                    batch.add(Document.parse(new String(bytes, start, i - start, StandardCharsets.UTF_8)));
                }
                start = i + 1;
                if (batch.size() == BATCH) {
                    flush(events);
                }
            }
        }
        return start;
    }

    private void flush(MongoCollection<Document> events) {
        if (!batch.isEmpty()) {
            events.insertMany(batch);
            inserted.addAndGet(batch.size());
            batch.clear();
        }
    }
}
