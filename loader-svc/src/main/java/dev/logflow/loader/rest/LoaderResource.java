package dev.logflow.loader.rest;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.service.LoadLoop;
import dev.logflow.loader.service.LoaderMetrics;
import dev.logflow.loader.service.LoaderStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the loader has done since it started. */
@Path("/api/loader")
public class LoaderResource {

    private final LoaderMetrics metrics;
    private final LoadLoop loop;
    private final LoaderConfig config;

    public LoaderResource(LoaderMetrics metrics, LoadLoop loop, LoaderConfig config) {
        this.metrics = metrics;
        this.loop = loop;
        this.config = config;
    }

    /** Counters, batch sizes, lag and the file being read. */
    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public LoaderStatus status() {
        return metrics.snapshot(config.id(), config.directory(), loop.running());
    }
}
