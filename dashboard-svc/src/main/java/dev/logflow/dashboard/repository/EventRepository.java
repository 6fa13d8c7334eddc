package dev.logflow.dashboard.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.descending;

import com.mongodb.client.FindIterable;
import dev.logflow.dashboard.model.DataQuery;
import dev.logflow.dashboard.model.LatestEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads {@code events}, newest first ({@code {ts: -1}} and {@code {service: 1, ts: -1}} on a real server). Fields are
 * read leniently: a document with a missing or oddly typed field still becomes a row.
 */
@ApplicationScoped
public class EventRepository {

    private static final String TS = "ts";
    private static final Bson ROW_FIELDS =
            include(TS, "service", "host", "level", "method", "path", "status", "latencyMs", "message");

    private final Collections collections;

    EventRepository(Collections collections) {
        this.collections = collections;
    }

    /**
     * @param query window and filters; the bucket is ignored
     * @param limit most rows returned
     * @return the newest events of the window, newest first
     */
    public List<LatestEvent> latest(DataQuery query, int limit) {
        List<LatestEvent> rows = new ArrayList<>();
        for (Document event : find(query).projection(ROW_FIELDS).limit(limit)) {
            rows.add(toRow(event));
        }
        return rows;
    }

    /**
     * @param query window and filters
     * @return the time of the newest event of the window, if there is one
     */
    public Optional<Instant> newest(DataQuery query) {
        Document newest = find(query).projection(include(TS)).limit(1).first();
        return Optional.ofNullable(newest).map(event -> event.getDate(TS)).map(Date::toInstant);
    }

    private FindIterable<Document> find(DataQuery query) {
        return collections.events().find(filter(query)).sort(descending(TS));
    }

    private static Bson filter(DataQuery query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(gte(TS, Date.from(query.from())));
        conditions.add(lt(TS, Date.from(query.to())));
        if (query.service() != null) {
            conditions.add(eq("service", query.service()));
        }
        if (query.level() != null) {
            conditions.add(eq("level", query.level().name()));
        }
        return and(conditions);
    }

    private static LatestEvent toRow(Document event) {
        Date ts = event.get(TS) instanceof Date date ? date : null;
        return new LatestEvent(
                text(event.get("_id")),
                ts == null ? null : ts.toInstant(),
                text(event.get("service")),
                text(event.get("host")),
                text(event.get("level")),
                text(event.get("method")),
                text(event.get("path")),
                number(event.get("status")),
                number(event.get("latencyMs")),
                text(event.get("message")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
