package dev.logflow.dashboard.model;

import java.time.Instant;
import java.util.Map;

/**
 * What one aggregation over the rollups returns, before zero-filling.
 *
 * @param perBucket events per bucket start; buckets without events are absent
 * @param perStatus events per exact status
 * @param lastMinute events in the newest complete minute of the window
 */
public record RollupTotals(Map<Instant, Long> perBucket, Map<Integer, Long> perStatus, long lastMinute) {}
