package dev.logflow.loader.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import dev.logflow.loader.support.FlumeFiles;
import dev.logflow.loader.support.LoaderHarness;
import dev.logflow.loader.support.MongoTestResource;
import dev.logflow.loader.support.SampleData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loads the real Apache sample through Flume's directory and checks the facts of shared/data/README.md. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ApacheSampleLoadTest {

    private static final long SERIES = 1_431_857_000_000L;
    private static final Map<Object, Long> STATUS_COUNTS =
            Map.of(200, 9126L, 304, 445L, 404, 213L, 301, 164L, 206, 45L, 500, 3L, 416, 2L, 403, 2L);
    private static final Map<Object, Long> METHOD_COUNTS = Map.of("GET", 9952L, "HEAD", 42L, "POST", 5L, "OPTIONS", 1L);

    @Inject
    LoaderHarness harness;

    @Test
    void loadsTheApacheSampleWithItsStatusCountsAndMinutes() throws IOException {
        FlumeFiles files = harness.reset();
        files.append(FlumeFiles.name(SERIES, 1), Files.readAllBytes(SampleData.file("apache-access-10k.log")));
        files.empty(SERIES, 2);
        harness.start();

        await().atMost(Duration.ofSeconds(90))
                .until(() -> harness.collections()
                                .checkpoints()
                                .countDocuments(Filters.and(
                                        Filters.eq("file", FlumeFiles.name(SERIES, 1)), Filters.eq("complete", true)))
                        == 1);

        assertEquals(10_000, harness.events());
        assertEquals(0, harness.collections().deadLetters().countDocuments());
        assertEquals(STATUS_COUNTS, harness.countBy("events", "status", null));
        assertEquals(METHOD_COUNTS, harness.countBy("events", "method", null));
        assertEquals(STATUS_COUNTS, harness.countBy("rollups_minute", "status", "count"));
        Set<Object> minutes = new HashSet<>();
        harness.collections().rollups().find().forEach(doc -> minutes.add(doc.getDate("minute")));
        assertEquals(84, minutes.size());
        harness.assertRollupsMatchEvents();
    }
}
