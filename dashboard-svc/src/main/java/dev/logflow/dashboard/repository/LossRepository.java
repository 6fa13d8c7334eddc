package dev.logflow.dashboard.repository;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;

import dev.logflow.dashboard.model.DashboardData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Reads what the pipeline lost: {@code source_stats} (one small document per generator source) and the number of
 * {@code dead_letters}. Never touches {@code events}. Only {@code $group} with {@code $sum} and {@code $subtract},
 * which MongoDB 7 and 8 and the embedded test server share.
 *
 * <p>Dead letters are counted, not estimated from the collection's metadata: that figure may drift after an unclean
 * shutdown, and a loss counter has to be exact. The collection is small and the service reads it at most once per
 * {@code cache-ttl} for all pages.
 */
@ApplicationScoped
public class LossRepository {

    private static final Logger LOG = Logger.getLogger(LossRepository.class);
    private static final String MISSING = "missing";
    private static final String SOURCES = "sources";

    private final Collections collections;

    LossRepository(Collections collections) {
        this.collections = collections;
    }

    /** @return missing events summed over every source, dead letters and sources, as stored now */
    public DashboardData.Losses losses() {
        Document stats = missingPerSource();
        long deadLetters = collections.deadLetters().countDocuments();
        DashboardData.Losses found =
                new DashboardData.Losses(number(stats, MISSING), deadLetters, number(stats, SOURCES));
        LOG.debugf("Losses read: %s", found);
        return found;
    }

    /**
     * The loader's own rule (loader-svc README, "Lost events"): a source's seqs start at 1, so {@code maxSeq - count}
     * of its seqs never arrived, also when its first events were the ones lost.
     */
    private Document missingPerSource() {
        Document missing = new Document("$subtract", List.of("$maxSeq", "$count"));
        Document totals = collections
                .sourceStats()
                .aggregate(List.of(group(null, sum(MISSING, missing), sum(SOURCES, 1))))
                .first();
        return totals == null ? new Document() : totals;
    }

    private static long number(Document totals, String field) {
        return totals.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
