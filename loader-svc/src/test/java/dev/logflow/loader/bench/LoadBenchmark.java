package dev.logflow.loader.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.logflow.loader.parse.Levels;
import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.parse.ParseResult;
import dev.logflow.loader.service.LoaderMetrics;
import dev.logflow.loader.service.LoaderStatus;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.BsonDocument;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the whole loader (follow, parse, insert, rollups, checkpoints) against the in-process memory
 * backend, side by side with a plain insertMany-of-1000 loop over the same lines. Prints figures, asserts nothing:
 * run it on purpose with {@code ./mvnw -pl loader-svc test -Dtest=LoadBenchmark -Dlogflow.bench.excluded=none}
 * (optionally {@code -Dlogflow.bench.lines=500000 -Dlogflow.bench.batch-size=1000}).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(MongoTestResource.class)
@Tag("benchmark")
class LoadBenchmark {

    private static final Logger LOG = Logger.getLogger(LoadBenchmark.class);
    private static final int LINES = Integer.getInteger("logflow.bench.lines", 500_000);
    private static final int FILES = 10;
    private static final long SERIES = 1_764_784_800_000L;
    private static final int PLAIN_BATCH = 1000;
    private static final String[] SERVICES = {"checkout", "search", "cart", "auth", "catalog"};
    private static final int DEBUG_EVERY = 20;
    private static final int[] STATUSES = {200, 200, 200, 201, 204, 301, 304, 400, 404, 500, 503};

    @Inject
    LoaderHarness harness;

    @Inject
    LoaderMetrics metrics;

    @Inject
    MongoClient client;

    @Test
    void measuresTheLoaderAgainstAPlainInsertManyLoop() throws IOException, InterruptedException {
        FlumeFiles files = harness.reset();
        List<Path> paths = writeFiles(files);
        long bytes = 0;
        for (Path path : paths) {
            bytes += Files.size(path);
        }

        double parseRate = runParserOnly(paths);
        double loaderRate = runLoader(files);
        harness.reset();
        writeFiles(files);
        double plainRate = runPlainLoop(paths);

        LOG.infof("BENCHMARK %,d lines (%,d MB) in %d files", LINES, bytes >> 20, FILES);
        LOG.infof(
                "BENCHMARK parse only: %,.0f lines/s; loader: %,.0f docs/s; plain insertMany(%d): %,.0f docs/s;"
                        + " loader/plain %.2f",
                parseRate, loaderRate, PLAIN_BATCH, plainRate, loaderRate / plainRate);
    }

    private double runLoader(FlumeFiles files) throws InterruptedException {
        long insertedBefore = metrics.snapshot("", "", true).inserted();
        long batchesBefore = metrics.snapshot("", "", true).batches().count();
        long start = System.nanoTime();
        harness.start();
        while (metrics.snapshot("", "", true).inserted() - insertedBefore < LINES) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        harness.stop();
        LoaderStatus status = metrics.snapshot("", "", false);
        long batches = status.batches().count() - batchesBefore;
        LOG.infof(
                "BENCHMARK loader: %,d docs in %.1f s, %d batches, mean %.0f lines (max %d), %d rollup docs",
                LINES,
                seconds,
                batches,
                (double) LINES / batches,
                status.batches().maxSize(),
                harness.collections().rollups().countDocuments());
        return LINES / seconds;
    }

    /** Read and parse only, for the share of the hot path that is not MongoDB. */
    private static double runParserOnly(List<Path> paths) throws IOException {
        LineParser parser = new LineParser("apache");
        long start = System.nanoTime();
        long events = 0;
        for (Path path : paths) {
            byte[] all = Files.readAllBytes(path);
            int from = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    events += parser.parse(all, from, i - from, "f", from) instanceof ParseResult.Event ? 1 : 0;
                    from = i + 1;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.infof("BENCHMARK parse only: %,d events in %.2f s", events, seconds);
        return events / seconds;
    }

    private double runPlainLoop(List<Path> paths) throws IOException {
        MongoCollection<BsonDocument> plain = client.getDatabase("bench").getCollection("plain", BsonDocument.class);
        plain.drop();
        LineParser parser = new LineParser("apache");
        long start = System.nanoTime();
        List<BsonDocument> batch = new ArrayList<>(PLAIN_BATCH);
        for (Path path : paths) {
            for (String line : Files.readAllLines(path)) {
                byte[] raw = line.getBytes(StandardCharsets.UTF_8);
                if (parser.parse(raw, 0, raw.length, "f", 0) instanceof ParseResult.Event event) {
                    batch.add(event.document());
                }
                if (batch.size() == PLAIN_BATCH) {
                    plain.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch = new ArrayList<>(PLAIN_BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            plain.insertMany(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.infof("BENCHMARK plain: %,d docs in %.1f s", plain.countDocuments(), seconds);
        client.getDatabase("bench").drop();
        return LINES / seconds;
    }

    private static List<Path> writeFiles(FlumeFiles files) throws IOException {
        List<Path> paths = new ArrayList<>();
        int perFile = LINES / FILES;
        for (int f = 0; f < FILES; f++) {
            Path path = files.path(SERIES, f + 1);
            try (BufferedWriter out = Files.newBufferedWriter(path)) {
                for (int i = f * perFile; i < (f + 1) * perFile; i++) {
                    out.write(line(i));
                }
            }
            paths.add(path);
        }
        files.empty(SERIES, FILES + 1);
        return paths;
    }

    /** Like a web service logs: the level follows the status, with some debug lines. */
    private static String level(int i, int status) {
        return i % DEBUG_EVERY == 0 ? "DEBUG" : Levels.fromStatus(status);
    }

    private static String line(int i) {
        String ts = Instant.ofEpochMilli(SERIES + i * 2L).toString();
        int status = STATUSES[i % STATUSES.length];
        String path = "/api/" + SERVICES[i % SERVICES.length] + "/" + (i % 997);
        return String.format(
                Locale.ROOT,
                "{\"id\":\"bench-%d\",\"source\":\"bench\",\"seq\":%d,\"ts\":\"%s\","
                        + "\"service\":\"%s\",\"host\":\"web-%02d\",\"level\":\"%s\",\"method\":\"GET\","
                        + "\"path\":\"%s\","
                        + "\"status\":%d,\"latencyMs\":%d,\"bytes\":%d,\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) "
                        + "bench\",\"message\":\"GET %s %d\"}\n",
                i,
                i + 1,
                ts,
                SERVICES[i % SERVICES.length],
                i % 8,
                level(i, status),
                path,
                status,
                i % 500,
                512 + i % 4096,
                path,
                status);
    }
}
