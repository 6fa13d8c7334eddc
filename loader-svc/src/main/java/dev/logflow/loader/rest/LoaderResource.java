package dev.logflow.loader.rest;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.service.GapMonitor;
import dev.logflow.loader.service.GapReport;
import dev.logflow.loader.service.LoadLoop;
import dev.logflow.loader.service.LoaderMetrics;
import dev.logflow.loader.service.LoaderStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** What the loader has done since it started, and which generated events never arrived. */
@Path("/api/loader")
public class LoaderResource {

    private final LoaderMetrics metrics;
    private final LoadLoop loop;
    private final LoaderConfig config;
    private final GapMonitor gaps;

    public LoaderResource(LoaderMetrics metrics, LoadLoop loop, LoaderConfig config, GapMonitor gaps) {
        this.metrics = metrics;
        this.loop = loop;
        this.config = config;
        this.gaps = gaps;
    }

    /** Counters, batch sizes, lag and the file being read. */
    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public LoaderStatus status(UriInfo uri) {
        requireNoParameters(uri);
        return metrics.snapshot(config.id(), config.directory(), loop.running());
    }

    /**
     * Per generator source: events stored, lowest and highest seq, and how many seqs from 1 to the highest never
     * arrived (events still in flight count until they are stored). Read from MongoDB on every call.
     */
    @GET
    @Path("/gaps")
    @Produces(MediaType.APPLICATION_JSON)
    public GapReport gaps(UriInfo uri) {
        requireNoParameters(uri);
        return gaps.report();
    }

    /** Neither endpoint takes a parameter: one sent anyway is a mistake the caller should hear about. */
    private static void requireNoParameters(UriInfo uri) {
        uri.getQueryParameters().keySet().stream().findFirst().ifPresent(name -> {
            throw new InvalidRequestException(
                    "unknown parameter " + Quoted.of(name) + "; this endpoint takes no parameters");
        });
    }
}
