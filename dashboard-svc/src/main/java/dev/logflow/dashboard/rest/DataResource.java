package dev.logflow.dashboard.rest;

import dev.logflow.dashboard.model.DashboardData;
import dev.logflow.dashboard.service.DashboardService;
import dev.logflow.dashboard.service.QueryParser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /api/data}: the figures of the charts and stat cards, served from the per-minute rollups, and the
 * pipeline's losses.
 */
@Path("/api/data")
public class DataResource {

    private final DashboardService dashboard;
    private final QueryParser parser;
    private final Clock clock;

    DataResource(DashboardService dashboard, QueryParser parser, Clock clock) {
        this.dashboard = dashboard;
        this.parser = parser;
        this.clock = clock;
    }

    /** The query parameters {@code GET /api/data} takes; any other gets a 400. */
    static final Set<String> PARAMETERS = Set.of("from", "to", "window", "service", "level");

    /**
     * Parameters arrive as text so that a malformed one gets a 400 naming it, not the 404 JAX-RS gives by default.
     *
     * @return events per minute (zero-filled), split by status and class, and totals over the window; losses of the
     *     whole pipeline
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Events per minute, split by status, and totals over a time window",
            description = "Minutes without events are present with a count of zero. Windows longer than"
                    + " logflow.dashboard.max-points minutes are bucketed (window.bucketMinutes says by how much)."
                    + " The losses block is pipeline-wide: missing events and dead letters since the start, the same"
                    + " whatever the window, service and level.")
    @APIResponse(responseCode = "200", description = "The figures of the window")
    @APIResponse(responseCode = "400", description = "A parameter is malformed or unknown; the error names it")
    public DashboardData data(
            UriInfo uri,
            @RestQuery @Parameter(description = ApiParameters.FROM) String from,
            @RestQuery @Parameter(description = ApiParameters.TO) String to,
            @RestQuery @Parameter(description = ApiParameters.WINDOW) String window,
            @RestQuery @Parameter(description = ApiParameters.SERVICE) String service,
            @RestQuery @Parameter(description = ApiParameters.LEVEL) String level) {
        parser.requireKnown(uri.getQueryParameters(), PARAMETERS);
        return dashboard.data(parser.parse(from, to, window, service, level, clock.instant()));
    }
}
