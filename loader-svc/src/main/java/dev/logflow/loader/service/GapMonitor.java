package dev.logflow.loader.service;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.store.SourceStatsStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Makes lost events visible: reads {@code source_stats} for {@code GET /api/loader/gaps} and exports the total as the
 * gauge {@code logflow_loader_missing_events}, which reuses its last reading for
 * {@code logflow.loader.gaps-cache-ttl}. Started eagerly so the gauge exists from the first scrape.
 */
@Startup
@Singleton
public class GapMonitor {

    private final SourceStatsStore store;
    private final int maxSources;
    private final CachedReading missing;

    public GapMonitor(SourceStatsStore store, LoaderConfig config, MeterRegistry registry) {
        this.store = store;
        this.maxSources = config.gapsMaxSources();
        this.missing = new CachedReading(
                "source_stats", store::totalMissing, config.gapsCacheTtl().toNanos(), System::nanoTime);
        Gauge.builder("logflow.loader.missing.events", missing, CachedReading::get)
                .description("generated events never stored: per source, the seqs from 1 to its highest stored"
                        + " that are not stored")
                .register(registry);
    }

    /** The gaps of every source, read now. */
    public GapReport report() {
        List<GapReport.Source> sources = store.list(maxSources).stream()
                .map(s -> new GapReport.Source(s.source(), s.count(), s.minSeq(), s.maxSeq(), s.missing()))
                .toList();
        return new GapReport(sources, store.totalMissing());
    }
}
