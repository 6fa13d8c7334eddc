package dev.logflow.dashboard.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code GET /api/data}: events per bucket over the window, the split by status and the totals, and
 * the pipeline's losses.
 *
 * @param window the window actually used, after alignment to whole buckets
 * @param filters the filters applied ({@code null} fields mean all)
 * @param series one point per bucket, oldest first, buckets without events included with a count of zero
 * @param statuses events per exact HTTP status, most frequent first
 * @param classes events per status class: {@code 2xx}, {@code 3xx}, {@code 4xx}, {@code 5xx} always, others when seen
 * @param totals figures for the stat cards
 * @param losses what the pipeline lost since it started, whatever the window and filters
 */
@RegisterForReflection(
        targets = {
            DashboardData.class,
            DashboardData.Window.class,
            DashboardData.Filters.class,
            DashboardData.Point.class,
            DashboardData.StatusCount.class,
            DashboardData.Totals.class,
            DashboardData.Losses.class
        })
@Schema(description = "Events per bucket, split by status and totals over one window")
public record DashboardData(
        Window window,
        Filters filters,
        List<Point> series,
        List<StatusCount> statuses,
        Map<String, Long> classes,
        Totals totals,
        Losses losses) {

    /** @return these figures with the pipeline's losses as they are now */
    public DashboardData withLosses(Losses current) {
        return new DashboardData(window, filters, series, statuses, classes, totals, current);
    }

    /**
     * @param from start of the first bucket (UTC)
     * @param to end of the last bucket, exclusive (UTC)
     * @param bucketMinutes minutes per point of the series
     * @param timeZone the zone the page shows times in
     */
    public record Window(Instant from, Instant to, long bucketMinutes, String timeZone) {}

    /**
     * @param service service filter or {@code null}
     * @param level level filter or {@code null}
     */
    public record Filters(String service, Level level) {}

    /**
     * @param start bucket start (UTC)
     * @param count events in the bucket; zero when there were none
     */
    public record Point(Instant start, long count) {}

    /**
     * @param status HTTP status code
     * @param count events with that status in the window
     */
    public record StatusCount(int status, long count) {}

    /**
     * @param events events in the window
     * @param eventsPerSecond events of the newest complete minute of the window, divided by 60
     * @param errorShare share of the window's events with a 5xx status, from 0 to 1
     * @param newestEvent time of the newest stored event in the window, or {@code null} when there is none
     */
    public record Totals(long events, double eventsPerSecond, double errorShare, Instant newestEvent) {}

    /**
     * Pipeline-wide: read from {@code source_stats} and {@code dead_letters}, not limited by window or filters.
     *
     * @param missingEvents generated events that never reached {@code events}: {@code maxSeq - count} summed over
     *     every source (events still in flight show until they are stored)
     * @param deadLetters lines the loader could not store
     * @param sources generator sources the loader has seen
     */
    @Schema(description = "What the pipeline lost since it started; not limited by the window, service or level")
    public record Losses(long missingEvents, long deadLetters, long sources) {}
}
