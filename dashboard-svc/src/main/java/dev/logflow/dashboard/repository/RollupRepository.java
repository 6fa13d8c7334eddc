package dev.logflow.dashboard.repository;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.facet;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Facet;
import dev.logflow.dashboard.model.DataQuery;
import dev.logflow.dashboard.model.RollupTotals;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

/**
 * Reads {@code rollups_minute}. One aggregation per question: a {@code $match} on the minute range and filters (served
 * by the {@code {minute: 1}} and {@code {service: 1, minute: 1}} indexes on a real server), then a {@code $facet} that
 * groups the same documents three ways. Only operators that MongoDB 7 and 8 and the embedded test server share.
 */
@ApplicationScoped
public class RollupRepository {

    private static final Logger LOG = Logger.getLogger(RollupRepository.class);
    private static final String COUNT = "$count";
    private static final String TOTAL = "n";
    private static final Date EPOCH = new Date(0);

    private final Collections collections;

    RollupRepository(Collections collections) {
        this.collections = collections;
    }

    /**
     * Sums the rollups of one window.
     *
     * @param query window, bucket and filters
     * @param lastMinute start of the minute whose events give the events-per-second figure
     * @return counts per bucket and per status, and the events of {@code lastMinute}
     */
    public RollupTotals totals(DataQuery query, Instant lastMinute) {
        List<Bson> pipeline = List.of(
                match(filter(query)),
                facet(
                        new Facet("series", group(bucketOf(query.bucket()), sum(TOTAL, COUNT))),
                        new Facet("statuses", group("$status", sum(TOTAL, COUNT))),
                        new Facet(
                                "lastMinute",
                                match(eq("minute", Date.from(lastMinute))),
                                group(null, sum(TOTAL, COUNT)))));
        Document result = collections.rollups().aggregate(pipeline).first();
        LOG.debugf("Rollups of %s summed", query);
        return toTotals(result);
    }

    /** @return the service names that have rollups, sorted */
    public List<String> services() {
        List<String> names = new ArrayList<>();
        collections.rollups().distinct("service", String.class).into(names);
        return new ArrayList<>(new TreeSet<>(names));
    }

    private static Bson filter(DataQuery query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(gte("minute", Date.from(query.from())));
        conditions.add(lt("minute", Date.from(query.to())));
        if (query.service() != null) {
            conditions.add(eq("service", query.service()));
        }
        if (query.level() != null) {
            conditions.add(eq("level", query.level().name()));
        }
        return and(conditions);
    }

    /** One-minute buckets are the rollups' own minutes; longer ones start at whole multiples since the epoch. */
    private static Object bucketOf(Duration bucket) {
        if (bucket.equals(Duration.ofMinutes(1))) {
            return "$minute";
        }
        Document sinceEpoch = new Document("$subtract", List.of("$minute", EPOCH));
        Document intoBucket = new Document("$mod", List.of(sinceEpoch, bucket.toMillis()));
        return new Document("$subtract", List.of("$minute", intoBucket));
    }

    private static RollupTotals toTotals(Document result) {
        if (result == null) {
            return new RollupTotals(Map.of(), Map.of(), 0);
        }
        Map<Instant, Long> perBucket = sums(result, "series", id -> ((Date) id).toInstant(), new TreeMap<>());
        Map<Integer, Long> perStatus = sums(result, "statuses", id -> ((Number) id).intValue(), new HashMap<>());
        List<Document> last = result.getList("lastMinute", Document.class, List.of());
        long lastMinute = last.isEmpty() ? 0 : ((Number) last.get(0).get(TOTAL)).longValue();
        return new RollupTotals(perBucket, perStatus, lastMinute);
    }

    private static <K> Map<K, Long> sums(Document result, String facet, Function<Object, K> key, Map<K, Long> into) {
        for (Document row : result.getList(facet, Document.class, List.of())) {
            Object id = row.get("_id");
            if (id != null) {
                into.merge(key.apply(id), ((Number) row.get(TOTAL)).longValue(), Long::sum);
            }
        }
        return into;
    }
}
