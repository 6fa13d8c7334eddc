package dev.logflow.loader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logflow.loader.parse.LineParser;
import dev.logflow.loader.parse.ParseResult;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SourceStatsStoreTest {

    private static final String TS = "2026-12-03T18:04:05.123Z";
    private static final String APACHE =
            "192.0.2.7 - - [03/Dec/2026:18:06:31 +0000] \"GET /a HTTP/1.1\" 200 12 \"-\" \"curl/8\"";

    @Inject
    SourceStatsStore store;

    @Inject
    LoaderHarness harness;

    @BeforeEach
    void emptyDatabase() {
        harness.reset();
    }

    private static BsonDocument parsed(String line) {
        byte[] bytes = line.strip().getBytes(StandardCharsets.UTF_8);
        return ((ParseResult.Event) new LineParser("apache").parse(bytes, 0, bytes.length, "f", 0)).document();
    }

    private static List<BsonDocument> generated(String source, long... seqs) {
        return LongStream.of(seqs)
                .mapToObj(seq -> parsed(FlumeFiles.event(source + "-" + seq, TS, "checkout", "INFO", 200)))
                .toList();
    }

    private Document stats(String source) {
        return harness.collections()
                .sourceStats()
                .find(new Document("_id", source))
                .first();
    }

    @Test
    void countsGeneratedEventsPerSourceWithTheirLowestAndHighestSeq() {
        List<BsonDocument> events = new ArrayList<>(generated("gen-a", 3, 1, 2));
        events.addAll(generated("gen-b", 9));
        events.add(parsed(APACHE));

        assertEquals(
                Map.of(
                        "gen-a", new SourceStatsStore.SourceDelta(3, 1, 3),
                        "gen-b", new SourceStatsStore.SourceDelta(1, 9, 9)),
                SourceStatsStore.delta(events));
    }

    @Test
    void reportsTheSeqsNeverStoredAsMissing() {
        long[] withoutFourAndSeven = {1, 2, 3, 5, 6, 8, 9, 10};

        store.apply(SourceStatsStore.delta(generated("gen-a", withoutFourAndSeven)), "l1", 1, false);

        assertEquals(List.of(new SourceStatsStore.SourceStats("gen-a", 8, 1, 10)), store.list(10));
        assertEquals(2, store.list(10).get(0).missing());
        assertEquals(2, store.totalMissing());
    }

    @Test
    void mergesLaterBatchesAndIgnoresABatchAppliedAgain() {
        store.apply(SourceStatsStore.delta(generated("gen-a", 4, 5)), "l1", 1, false);
        store.apply(SourceStatsStore.delta(generated("gen-a", 1, 9)), "l1", 2, false);

        int alreadyApplied = store.apply(SourceStatsStore.delta(generated("gen-a", 1, 9)), "l1", 2, true);

        assertEquals(1, alreadyApplied);
        Document doc = stats("gen-a");
        assertEquals(4L, doc.getLong("count"));
        assertEquals(1L, doc.getLong("minSeq"));
        assertEquals(9L, doc.getLong("maxSeq"));
        assertEquals(2L, doc.get("applied", Document.class).getLong("l1"));
        assertEquals(5, store.totalMissing());
    }

    @Test
    void listsAtMostTheLimitSortedBySourceButTotalsEverySource() {
        store.apply(SourceStatsStore.delta(generated("gen-c", 1, 3)), "l1", 1, false);
        store.apply(SourceStatsStore.delta(generated("gen-a", 1, 5)), "l1", 2, false);
        store.apply(SourceStatsStore.delta(generated("gen-b", 2)), "l1", 3, false);

        List<SourceStatsStore.SourceStats> listed = store.list(2);

        assertEquals(
                List.of("gen-a", "gen-b"),
                listed.stream().map(SourceStatsStore.SourceStats::source).toList());
        assertEquals(5, store.totalMissing());
    }

    @Test
    void countsTheFirstSeqsOfARunAsMissingWhenOnlyLaterOnesArrived() {
        store.apply(SourceStatsStore.delta(generated("gen-a", 4, 5, 6)), "l1", 1, false);

        assertEquals(3, store.list(10).get(0).missing());
        assertEquals(3, store.totalMissing());
    }
}
