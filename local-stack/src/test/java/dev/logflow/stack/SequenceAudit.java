package dev.logflow.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.bson.Document;

/**
 * The events of one generator run checked one by one: which of the seqs 1..sent MongoDB holds, which it holds more
 * than once, and which it does not hold at all. Fault tests compare this with what the loader says it lost.
 */
final class SequenceAudit {

    /** How many missing seqs a failure message or a note quotes. */
    private static final int SAMPLE = 10;

    /**
     * What MongoDB holds of a run.
     *
     * @param sent the run's events, seqs 1..sent
     * @param stored distinct seqs of 1..sent stored
     * @param duplicatesStored documents beyond the first for the same seq
     * @param outOfRange documents of the source whose seq is not in 1..sent
     * @param missing the seqs of 1..sent not stored, ascending
     */
    record Result(long sent, long stored, long duplicatesStored, long outOfRange, List<Long> missing) {

        long missingCount() {
            return missing.size();
        }

        /** The first few missing seqs and their range, for a message a reader can act on. */
        String missingSummary() {
            if (missing.isEmpty()) {
                return "none missing";
            }
            return missing.size() + " missing, seqs " + missing.get(0) + ".." + missing.get(missing.size() - 1)
                    + ", first " + missing.subList(0, Math.min(SAMPLE, missing.size()));
        }
    }

    private SequenceAudit() {}

    /** Reads every stored event of {@code source} and checks it against the seqs 1..{@code sent}. */
    static Result of(String connectionString, String source, long sent) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            Iterable<Document> events = client.getDatabase("logflow")
                    .getCollection("events")
                    .find(Filters.eq("source", source))
                    .projection(Projections.include("seq"));
            return check(events, sent);
        }
    }

    private static Result check(Iterable<Document> events, long sent) {
        BitSet seen = new BitSet();
        long duplicates = 0;
        long outOfRange = 0;
        for (Document event : events) {
            long seq = ((Number) event.get("seq")).longValue();
            if (seq < 1 || seq > sent) {
                outOfRange++;
            } else if (seen.get((int) seq)) {
                duplicates++;
            } else {
                seen.set((int) seq);
            }
        }
        return new Result(sent, seen.cardinality(), duplicates, outOfRange, missing(seen, sent));
    }

    private static List<Long> missing(BitSet seen, long sent) {
        List<Long> missing = new ArrayList<>();
        for (int seq = seen.nextClearBit(1); seq <= sent; seq = seen.nextClearBit(seq + 1)) {
            missing.add((long) seq);
        }
        return missing;
    }
}
