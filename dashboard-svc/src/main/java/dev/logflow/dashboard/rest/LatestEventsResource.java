package dev.logflow.dashboard.rest;

import dev.logflow.dashboard.model.DataQuery;
import dev.logflow.dashboard.model.LatestEvent;
import dev.logflow.dashboard.service.DashboardService;
import dev.logflow.dashboard.service.QueryParser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code GET /api/events/latest}: the newest stored events, for the table under the charts. */
@Path("/api/events/latest")
public class LatestEventsResource {

    private final DashboardService dashboard;
    private final QueryParser parser;
    private final Clock clock;

    LatestEventsResource(DashboardService dashboard, QueryParser parser, Clock clock) {
        this.dashboard = dashboard;
        this.parser = parser;
        this.clock = clock;
    }

    /** The query parameters {@code GET /api/events/latest} takes; any other gets a 400. */
    static final Set<String> PARAMETERS = Set.of("limit", "from", "to", "window", "service", "level");

    /** @return the newest events of the window that match the filters, newest first */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The newest events, newest first",
            description = "Same window and filters as /api/data. Text fields are copied from log lines as they are.")
    @APIResponse(responseCode = "200", description = "Up to limit events")
    @APIResponse(responseCode = "400", description = "A parameter is malformed or unknown; the error names it")
    public List<LatestEvent> latest(
            UriInfo uri,
            @RestQuery
                    @Parameter(
                            description = "Most events returned, from 1 to logflow.dashboard.latest-events"
                                    + ".max-limit (500); default logflow.dashboard.latest-events.default-limit (20)")
                    String limit,
            @RestQuery @Parameter(description = ApiParameters.FROM) String from,
            @RestQuery @Parameter(description = ApiParameters.TO) String to,
            @RestQuery @Parameter(description = ApiParameters.WINDOW) String window,
            @RestQuery @Parameter(description = ApiParameters.SERVICE) String service,
            @RestQuery @Parameter(description = ApiParameters.LEVEL) String level) {
        parser.requireKnown(uri.getQueryParameters(), PARAMETERS);
        int rows = parser.limit(limit);
        DataQuery query = parser.parse(from, to, window, service, level, clock.instant());
        return dashboard.latest(query, rows);
    }
}
