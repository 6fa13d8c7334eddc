package dev.logflow.loader.service;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.follow.FlumeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes files that are fully loaded (checkpoint complete, so a newer file exists) and older than
 * {@code logflow.loader.retention}. The newest file is never touched.
 */
final class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final LoaderConfig config;
    private final CommittedFiles committed;
    private final LoaderMetrics metrics;
    private long lastSweepMillis;

    Retention(LoaderConfig config, CommittedFiles committed, LoaderMetrics metrics) {
        this.config = config;
        this.committed = committed;
        this.metrics = metrics;
    }

    /** Deletes what is due among {@code files} (oldest first), at most once per check interval. */
    void sweep(List<FlumeFile> files) {
        long now = System.currentTimeMillis();
        if (!config.deleteLoadedFiles()
                || now - lastSweepMillis < config.retentionCheckInterval().toMillis()) {
            return;
        }
        lastSweepMillis = now;
        long cutoff = now - config.retention().toMillis();
        for (FlumeFile file : files.subList(0, Math.max(0, files.size() - 1))) {
            if (committed.of(file.name()).complete() && file.modifiedMillis() < cutoff) {
                delete(file);
            }
        }
    }

    private void delete(FlumeFile file) {
        try {
            if (Files.deleteIfExists(file.path())) {
                metrics.filesDeleted.incrementAndGet();
                LOG.infof("Deleted %s: fully loaded and older than %s", file.name(), config.retention());
            }
        } catch (IOException e) {
            LOG.warnf("Could not delete loaded file %s (%s); keeping it", file.name(), e.getMessage());
        }
    }
}
