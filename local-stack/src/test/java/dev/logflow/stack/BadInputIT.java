package dev.logflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One file holding every case of bad input between good lines, replayed by generator-svc through the real Flume agent
 * into loader-svc: the generator refuses what Flume would refuse (and would lose the lines around), naming the line
 * numbers; the loader stores, warns or dead-letters the rest with a reason; every good line arrives once.
 *
 * <p>A document MongoDB refuses cannot come this way: Flume's max-line-length (16384) keeps every line far below
 * 16 MiB, and the loader copies only wire-format fields with their types, so no key or value MongoDB would refuse
 * reaches it. loader-svc's OversizeDocumentTest, DocumentSizeGuardTest and EventStoreTest prove that case.
 */
class BadInputIT {

    private static final String TS = "2026-12-03T18:04:05.123Z";
    private static final String SOURCE = "badin";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private static final List<byte[]> LINES = new ArrayList<>();
    private static final List<Long> REJECTED_LINES = new ArrayList<>();
    /** Lines with nothing between their newlines but a {@code \r}, if that: the generator skips them. */
    private static final int EMPTY = 2;
    /** Lines of spaces and tabs: sent, then counted as empty by the loader. */
    private static final int BLANK = 1;
    /** Events 1, 2, 4, 6, 7, 9, 10, 11 and 15. */
    private static final int STORED = 9;
    /** Events 5, 8, 12, 13, 16 (half a line) and the line without id. */
    private static final int DEAD_LETTERS = 6;
    /** Sequence numbers the gap count misses: 3, 5, 8, 12, 13, 14 refused or dead-lettered, 6 sent without one. */
    private static final int SEQS_NOT_STORED = 7;
    /** The fields of the wire format besides {@code id} and {@code ts}, each missing one a warning. */
    private static final List<String> OPTIONAL_FIELDS = List.of(
            "service",
            "host",
            "level",
            "method",
            "path",
            "status",
            "latencyMs",
            "bytes",
            "userAgent",
            "message",
            "source",
            "seq");

    private static PipelineOptions options;
    private static Pipeline pipeline;
    private static PipelineDriver driver;
    private static StoredEvents stored;
    private static BadInputQueries queries;
    private static JsonNode replay;
    private static JsonNode loader;

    @BeforeAll
    static void replayEveryCase() {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = WorkDirs.emptied(layout.root().resolve("local-stack/target/it/bad-input"));
        Path replayDir = workDir.resolve("replay");
        Path file = writeReplayFile(replayDir.resolve("bad-input.log"));
        options = PipelineOptions.isolated(workDir).withReplayDirs(List.of(replayDir));
        pipeline = new Pipeline(layout, options).startAll();
        driver = new PipelineDriver(pipeline);
        stored = new StoredEvents(pipeline.mongoConnectionString());
        queries = new BadInputQueries(pipeline.mongoConnectionString());

        driver.replay(file);
        replay = driver.awaitGeneratorDone(PATIENCE).path("replays").get(0);
        loader = awaitLoaderDoneWith(replay.path("acked").asLong());
    }

    /** Waits until the loader has read as many lines as Flume acknowledged and has stored all it read. */
    private static JsonNode awaitLoaderDoneWith(long acked) {
        return PipelineDriver.await(
                "the loader to read and store the " + acked + " lines Flume acknowledged",
                PATIENCE,
                driver::loaderStatus,
                s -> s.path("linesRead").asLong() >= acked && s.path("lagBytes").asLong(-1) == 0);
    }

    @AfterAll
    static void stopThePipeline() {
        if (queries != null) {
            queries.close();
        }
        if (stored != null) {
            stored.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** The replayed file: good lines around every case; the generator's line numbers of the refused ones noted. */
    private static Path writeReplayFile(Path file) {
        line(event(1, TS));
        rejected("x".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        line(event(2, TS));
        rejected(invalidUtf8(event(3, TS)));
        line("");
        line("\r");
        line(" \t");
        line(event(4, TS) + "\r");
        line(event(5, TS).replace("\"status\":200", "\"status\":\"200\""));
        line("{\"id\":\"" + SOURCE + "-6\",\"ts\":\"" + TS + "\"}");
        line("{\"ts\":\"" + TS + "\",\"service\":\"no-id\"}");
        line(event(7, TS).replace("{\"id\"", "{\"$where\":\"sleep(1000)\",\"a.b\":1,\"id\""));
        line(event(8, TS).replace("}", ",\"deep\":" + "[".repeat(8_000) + "]".repeat(8_000) + "}"));
        line(event(9, "0001-01-01T00:00:00Z"));
        line(event(10, "9999-12-31T23:59:59.999Z"));
        line(event(11, "1969-12-31T23:59:59.999Z"));
        line(event(12, "+300000000-01-01T00:00:00Z"));
        line(event(13, "-0001-01-01T00:00:00Z"));
        line(event(1, TS));
        rejected(("{\"id\":\"" + SOURCE + "-14\",\"message\":\"" + "y".repeat(17_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        line(event(15, TS));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LINES.forEach(bytes -> {
            out.writeBytes(bytes);
            out.write('\n');
        });
        byte[] halfALine = event(16, TS).substring(0, 50).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(halfALine);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(String text) {
        LINES.add(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void rejected(byte[] bytes) {
        LINES.add(bytes);
        REJECTED_LINES.add((long) LINES.size());
    }

    private static byte[] invalidUtf8(String text) {
        byte[] bytes = text.replace("GET /api/x\"}", "caf#\"}").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xFF;
            }
        }
        return bytes;
    }

    private static String event(int seq, String ts) {
        return "{\"id\":\"" + SOURCE + "-" + seq + "\",\"source\":\"" + SOURCE + "\",\"seq\":" + seq + ",\"ts\":\"" + ts
                + "\",\"service\":\"checkout\",\"host\":\"web-01\",\"level\":\"INFO\",\"method\":\"GET\","
                + "\"path\":\"/api/x\",\"status\":200,\"latencyMs\":12,\"bytes\":512,\"userAgent\":\"test\","
                + "\"message\":\"GET /api/x\"}";
    }

    private static String id(int seq) {
        return SOURCE + "-" + seq;
    }

    /** Lines of the replayed file, the half line at its end included. */
    private static int linesInFile() {
        return LINES.size() + 1;
    }

    @Test
    void generatorRefusesTheLinesFlumeWouldRefuseNamingTheirLineNumbers() {
        assertThat(replay.path("state").asText()).isEqualTo("DONE");
        List<Long> rejectedLines = new ArrayList<>();
        replay.path("rejectedLines").forEach(n -> rejectedLines.add(n.asLong()));
        assertThat(rejectedLines).isEqualTo(REJECTED_LINES);
        assertThat(replay.path("rejected").asLong()).isEqualTo(REJECTED_LINES.size());
        assertThat(replay.path("rejectedTooLong").asLong())
                .as("20,000 and 17,000,000 bytes")
                .isEqualTo(2);
        assertThat(replay.path("rejectedInvalidUtf8").asLong()).isEqualTo(1);
        assertThat(replay.path("skippedEmpty").asLong()).isEqualTo(EMPTY);
        assertThat(replay.path("linesRead").asLong()).isEqualTo(linesInFile());
        assertThat(replay.path("acked").asLong()).isEqualTo(linesInFile() - REJECTED_LINES.size() - EMPTY);
    }

    @Test
    void flumeKeptTheConnectionSoNoLineHadToBeResent() {
        assertThat(replay.path("failed").asLong()).isZero();
        assertThat(replay.path("resent").asLong()).isZero();
        assertThat(replay.path("error").asText(null)).isNull();
    }

    @Test
    void storesTheGoodLinesAroundEveryRefusedOne() {
        for (int seq : List.of(1, 2, 15)) {
            assertThat(queries.event(id(seq))).as(id(seq)).isNotNull();
        }
        assertThat(queries.event(id(3))).isNull();
        assertThat(queries.event(id(14))).isNull();
    }

    @Test
    void storesACrlfLineWithoutItsCarriageReturnOrAWarning() {
        assertThat(queries.event(id(4)).getString("message")).isEqualTo("GET /api/x");
        assertThat(queries.warnings(id(4))).isEmpty();
    }

    @Test
    void storesJsonWithoutOptionalFieldsWithAWarningForEach() {
        assertThat(queries.warnings(id(6)))
                .containsExactlyInAnyOrderElementsOf(OPTIONAL_FIELDS.stream()
                        .map(f -> "missing field '" + f + "'")
                        .toList());
    }

    @Test
    void storesJsonWithDollarAndDottedKeysWithoutThoseKeys() {
        Document event = queries.event(id(7));
        assertThat(event.keySet()).noneMatch(k -> k.startsWith("$") || k.contains("."));
        assertThat(event.getInteger("status")).isEqualTo(200);
        assertThat(queries.warnings(id(7))).isEmpty();
    }

    @Test
    void storesTimestampsOfYear0001And9999AndBefore1970() {
        assertThat(queries.event(id(9)).getDate("ts").toInstant()).hasToString("0001-01-01T00:00:00Z");
        assertThat(queries.event(id(10)).getDate("ts").getTime()).isEqualTo(253_402_300_799_999L);
        assertThat(queries.event(id(11)).getDate("ts").getTime()).isEqualTo(-1L);
    }

    @Test
    void deadLettersWhatTheLoaderCannotStoreWithItsReason() {
        assertThat(queries.deadLetterReasons("\"" + id(5) + "\""))
                .containsExactly("field 'status' must be a 32-bit integer, found a string");
        assertThat(queries.deadLetterReasons("\"no-id\"")).containsExactly("missing required field 'id'");
        assertThat(queries.deadLetterReasons("\"" + id(8) + "\""))
                .singleElement()
                .asString()
                .startsWith("invalid JSON: Document nesting depth");
        String outOfRange = "field 'ts' is out of range (years 0000 to 9999)";
        assertThat(queries.deadLetterReasons("\"" + id(12) + "\"")).containsExactly(outOfRange);
        assertThat(queries.deadLetterReasons("\"" + id(13) + "\"")).containsExactly(outOfRange);
        assertThat(queries.deadLetterReasons("\"" + id(16) + "\""))
                .singleElement()
                .asString()
                .startsWith("invalid JSON: Unexpected end-of-input");
        assertThat(stored.deadLetters()).as("dead letters").isEqualTo(DEAD_LETTERS);
    }

    @Test
    void storesARepeatedEventIdOnceAndCountsTheCopyAsDuplicate() {
        assertThat(queries.eventsWithSeq(SOURCE, 1)).isEqualTo(1);
        assertThat(queries.eventsStoredMoreThanOnce()).isZero();
        assertThat(loader.path("duplicates").asLong()).isEqualTo(1);
        assertThat(stored.rollupTotal()).isEqualTo(stored.events());
    }

    @Test
    void everyPartStillRunsAndEveryServiceIsLiveAndReady() {
        pipeline.processes()
                .forEach((name, process) ->
                        assertThat(process.isAlive()).as(name + " alive").isTrue());
        JsonHttp http = new JsonHttp();
        for (String url : List.of(pipeline.generatorUrl(), pipeline.loaderUrl(), pipeline.dashboardUrl())) {
            assertThat(http.get(url + "/q/health").path("status").asText())
                    .as(url + "/q/health")
                    .isEqualTo("UP");
        }
        assertThat(driver.loaderStatus().path("running").asBoolean()).isTrue();
    }

    @Test
    void loaderReportsEveryLineFlumeDelivered() {
        assertThat(stored.events()).isEqualTo(STORED);
        assertThat(loader.path("emptyLines").asLong()).isEqualTo(BLANK);
        assertThat(loader.path("linesRead").asLong())
                .isEqualTo(replay.path("acked").asLong());
        assertThat(loader.path("inserted").asLong()).isEqualTo(STORED);
        assertThat(loader.path("deadLetters").asLong()).isEqualTo(DEAD_LETTERS);
        assertThat(loader.path("retries").asLong()).isZero();
        assertThat(driver.missingEvents())
                .as("sequence numbers reported missing")
                .isEqualTo(SEQS_NOT_STORED);
        assertThat(unaccounted())
                .as("lines neither stored, refused, skipped nor dead-lettered")
                .isZero();
    }

    /** Lines of the file the pipeline lost without a word: read but neither stored nor accounted for otherwise. */
    private static long unaccounted() {
        return replay.path("linesRead").asLong()
                - replay.path("rejected").asLong()
                - replay.path("skippedEmpty").asLong()
                - stored.events()
                - stored.deadLetters()
                - loader.path("duplicates").asLong()
                - loader.path("emptyLines").asLong();
    }
}
