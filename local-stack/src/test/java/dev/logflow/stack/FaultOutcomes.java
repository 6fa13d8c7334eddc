package dev.logflow.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where each fault test writes what it saw, one JSON file per fault under {@code target/fault-outcomes/}. The table in
 * {@code docs/fault-outcomes.md} is rendered from these files, so the docs quote measured outcomes, not promises.
 */
final class FaultOutcomes {

    /** Directory the outcomes go to: the module's {@code target/fault-outcomes}. */
    static final Path DIRECTORY = Path.of("target", "fault-outcomes");

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultOutcomes() {}

    /**
     * One fault and what the pipeline made of it, counted event by event.
     *
     * @param fault what was broken, as a reader of the table should see it
     * @param channel Flume's channel during the run ({@code memory} or {@code file})
     * @param sent events the generator was asked to send, by seq
     * @param stored distinct events found in MongoDB afterwards
     * @param duplicatesStored events stored more than once (by source and seq); the guarantee is 0
     * @param duplicatesAbsorbed lines the loader read again and refused as duplicate keys (resends, re-reads)
     * @param missing sent events not stored
     * @param reportedGaps the loader's own count of missing events ({@code GET /api/loader/gaps})
     * @param rollupTotal sum of the per-minute rollups behind {@code /api/data}; the guarantee is {@code stored}
     * @param note anything a reader needs to read the row, e.g. the seed of random kill moments
     */
    record Outcome(
            String fault,
            String channel,
            long sent,
            long stored,
            long duplicatesStored,
            long duplicatesAbsorbed,
            long missing,
            long reportedGaps,
            long rollupTotal,
            String note) {}

    /** Writes (or replaces) the outcome of one fault. */
    static void record(Outcome outcome) {
        String name = (outcome.fault() + " " + outcome.channel())
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                + ".json";
        try {
            Files.createDirectories(DIRECTORY);
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(DIRECTORY.resolve(name).toFile(), outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the outcome of " + outcome.fault(), e);
        }
    }
}
