package dev.logflow.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Everything dashboard-svc can be told, under {@code logflow.dashboard.*}.
 *
 * <p>Durations take the Quarkus forms ({@code 10s}, {@code 60m}, {@code 31d}) or ISO-8601 ({@code PT10S}).
 */
@ConfigMapping(prefix = "logflow.dashboard")
public interface DashboardConfig {

    /**
     * MongoDB database that holds {@code rollups_minute}, {@code events}, {@code source_stats} and
     * {@code dead_letters}. Default {@code logflow}.
     */
    @WithDefault("logflow")
    String database();

    /** How often the page fetches new figures. Default 10 seconds. */
    @WithDefault("10s")
    Duration refreshInterval();

    /** Window of {@code /api/data} and the page when none is chosen: the last 60 minutes. */
    @WithDefault("60m")
    Duration defaultWindow();

    /** Longest window a request may ask for; longer ones get a 400. Default 31 days. */
    @WithDefault("31d")
    Duration maxWindow();

    /**
     * Most points one series may have. Windows up to this many minutes get one point per minute; longer ones are
     * bucketed (5, 15, 30, 60 ... minutes, the smallest that fits). Default 10080, one week of minutes.
     */
    @WithDefault("10080")
    int maxPoints();

    /** Time zone the page shows times in; the time axis names it. Default UTC. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /**
     * How long an answer of {@code /api/data} is reused as it is for the same window and filters ("the last 60
     * minutes" counts as the same window as time moves on). Rollups change at most once per loader batch, so a short
     * reuse spares the database without showing stale figures for long. {@code 0s} turns reuse off. Default 2 seconds.
     */
    @WithDefault("2s")
    Duration cacheTtl();

    /**
     * How old a reused answer may get. An answer older than {@code cache-ttl} but younger than this is still served,
     * at once, while a fresh one is computed in the background for the next request; an older one is recomputed
     * before answering. Must be longer than {@code cache-ttl} to have any effect. Default 60 seconds.
     */
    @WithDefault("60s")
    Duration cacheMaxAge();

    /** How many distinct answers are kept for reuse at most. Default 256. */
    @WithDefault("256")
    int cacheSize();

    /** The latest-events table. */
    LatestEvents latestEvents();

    /** Limits of {@code /api/events/latest}. */
    interface LatestEvents {

        /** Rows returned when no {@code limit} is given. Default 20. */
        @WithDefault("20")
        int defaultLimit();

        /** Largest {@code limit} accepted; more gets a 400. Default 500. */
        @WithDefault("500")
        int maxLimit();
    }
}
