package dev.logflow.dashboard.service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.logflow.dashboard.config.DashboardConfig;
import dev.logflow.dashboard.model.DashboardData;
import dev.logflow.dashboard.model.DataQuery;
import dev.logflow.dashboard.model.LatestEvent;
import dev.logflow.dashboard.model.RollupTotals;
import dev.logflow.dashboard.repository.EventRepository;
import dev.logflow.dashboard.repository.LossRepository;
import dev.logflow.dashboard.repository.RollupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the dashboard's figures from the rollups: zero-filled series, status split and totals; and adds the
 * pipeline's losses, which are the same for every window and filter.
 *
 * <p>Answers are reused: as they are for {@code cache-ttl}, then, up to {@code cache-max-age}, served at once while a
 * fresh one is computed in the background. Concurrent requests for the same answer share one database round trip. So
 * a page refresh is answered from memory however slow the database is, and the database sees at most one query per
 * window and filter every {@code cache-ttl}. The losses are reused the same way, once for all windows.
 */
@ApplicationScoped
public class DashboardService {

    private static final double SECONDS_PER_MINUTE = 60.0;
    private static final int SERVER_ERROR_CLASS = 5;
    private static final List<String> MAIN_CLASSES = List.of("2xx", "3xx", "4xx", "5xx");
    private static final int HUNDRED = 100;
    private static final String ALL_SERVICES = "";
    private static final String PIPELINE = "";

    private final RollupRepository rollups;
    private final EventRepository events;
    private final LossRepository losses;
    private final DashboardConfig config;
    private final Clock clock;
    private final QueryParser parser;
    private final LoadingCache<DataQuery, DashboardData> answers;
    private final LoadingCache<String, List<String>> services;
    private final LoadingCache<String, DashboardData.Losses> pipelineLosses;

    DashboardService(
            RollupRepository rollups,
            EventRepository events,
            LossRepository losses,
            QueryParser parser,
            DashboardConfig config,
            Clock clock) {
        this.rollups = rollups;
        this.events = events;
        this.losses = losses;
        this.parser = parser;
        this.config = config;
        this.clock = clock;
        this.answers = newCache(config, this::computeFor);
        this.services = newCache(config, key -> rollups.services());
        this.pipelineLosses = newCache(config, key -> losses.losses());
    }

    /**
     * @param query a validated query
     * @return the figures of that window, and the pipeline's losses
     */
    public DashboardData data(DataQuery query) {
        DashboardData window = reuse() ? answers.get(query.answerKey()) : compute(query);
        return window.withLosses(losses());
    }

    /** @return what the pipeline lost, whatever the window */
    public DashboardData.Losses losses() {
        return reuse() ? pipelineLosses.get(PIPELINE) : losses.losses();
    }

    /**
     * @param query window and filters
     * @param limit most rows
     * @return the newest events of the window, newest first
     */
    public List<LatestEvent> latest(DataQuery query, int limit) {
        return events.latest(query, limit);
    }

    /** @return the names of the services that have rollups, for the page's filter */
    public List<String> services() {
        return reuse() ? services.get(ALL_SERVICES) : rollups.services();
    }

    /** A window that ends now is placed when it is computed, not when it was first asked for. */
    private DashboardData computeFor(DataQuery key) {
        return compute(key.sliding() == null ? key : parser.slide(key, clock.instant()));
    }

    /** The window's own figures; {@link #data} adds the losses, which are not the window's. */
    private DashboardData compute(DataQuery query) {
        Instant lastMinute = lastCompleteMinute(query);
        RollupTotals totals = rollups.totals(query, lastMinute);
        List<DashboardData.StatusCount> statuses = statuses(totals.perStatus());
        Map<String, Long> classes = classes(statuses);
        long all = statuses.stream().mapToLong(DashboardData.StatusCount::count).sum();
        DashboardData.Totals figures = new DashboardData.Totals(
                all,
                totals.lastMinute() / SECONDS_PER_MINUTE,
                all == 0 ? 0 : (double) classes.get("5xx") / all,
                events.newest(query).orElse(null));
        return new DashboardData(
                window(query), filters(query), series(query, totals), statuses, classes, figures, null);
    }

    /** The newest minute of the window that has ended; the current minute is still filling. */
    private Instant lastCompleteMinute(DataQuery query) {
        Instant thisMinute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant end = query.to().isAfter(thisMinute) ? thisMinute : query.to();
        return end.minus(Duration.ofMinutes(1));
    }

    private static List<DashboardData.Point> series(DataQuery query, RollupTotals totals) {
        List<DashboardData.Point> points = new ArrayList<>();
        for (Instant start = query.from(); start.isBefore(query.to()); start = start.plus(query.bucket())) {
            points.add(new DashboardData.Point(start, totals.perBucket().getOrDefault(start, 0L)));
        }
        return points;
    }

    private static List<DashboardData.StatusCount> statuses(Map<Integer, Long> perStatus) {
        return perStatus.entrySet().stream()
                .map(entry -> new DashboardData.StatusCount(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(DashboardData.StatusCount::count)
                        .reversed()
                        .thenComparingInt(DashboardData.StatusCount::status))
                .toList();
    }

    private static Map<String, Long> classes(List<DashboardData.StatusCount> statuses) {
        Map<String, Long> classes = new LinkedHashMap<>();
        MAIN_CLASSES.forEach(name -> classes.put(name, 0L));
        for (DashboardData.StatusCount status : statuses) {
            classes.merge(classOf(status.status()), status.count(), Long::sum);
        }
        return classes;
    }

    /** @return {@code 1xx} to {@code 5xx}, or {@code other} for codes outside 100 to 599 */
    static String classOf(int status) {
        int digit = status / HUNDRED;
        return digit >= 1 && digit <= SERVER_ERROR_CLASS ? digit + "xx" : "other";
    }

    private DashboardData.Window window(DataQuery query) {
        return new DashboardData.Window(
                query.from(),
                query.to(),
                query.bucket().toMinutes(),
                config.timeZone().getId());
    }

    private static DashboardData.Filters filters(DataQuery query) {
        return new DashboardData.Filters(query.service(), query.level());
    }

    private boolean reuse() {
        return !config.cacheTtl().isZero();
    }

    private static <K, V> LoadingCache<K, V> newCache(DashboardConfig config, Function<K, V> load) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(config.cacheSize());
        boolean serveStale = config.cacheMaxAge().compareTo(config.cacheTtl()) > 0;
        if (!config.cacheTtl().isZero() && serveStale) {
            builder.refreshAfterWrite(config.cacheTtl()).expireAfterWrite(config.cacheMaxAge());
        } else {
            builder.expireAfterWrite(config.cacheTtl());
        }
        return builder.build(load::apply);
    }
}
