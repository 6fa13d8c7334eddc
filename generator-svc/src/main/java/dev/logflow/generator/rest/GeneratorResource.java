package dev.logflow.generator.rest;

import dev.logflow.generator.model.ErrorResponse;
import dev.logflow.generator.model.GeneratorStatus;
import dev.logflow.generator.model.Quoted;
import dev.logflow.generator.model.RateRequest;
import dev.logflow.generator.model.ReplayRequest;
import dev.logflow.generator.model.ReplayStatus;
import dev.logflow.generator.model.StartRequest;
import dev.logflow.generator.service.GeneratorService;
import dev.logflow.generator.service.InvalidRequestException;
import dev.logflow.generator.service.ReplayService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Control of the generator: status, start, stop, rate, and replays of log files. Bodies are JSON whatever content type
 * the client declares ({@code curl -d} sends a form type), and a bad body is a 400 with a message. The endpoints
 * that change anything are {@link ControlEndpoint}s, guarded by a bearer token; the read-only ones are open.
 */
@Path("/api/generator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class GeneratorResource {

    private final GeneratorService generator;
    private final ReplayService replays;
    private final RequestBodies bodies;

    GeneratorResource(GeneratorService generator, ReplayService replays, RequestBodies bodies) {
        this.generator = generator;
        this.replays = replays;
        this.bodies = bodies;
    }

    /** The latest run's counters and rates, Flume's reachability and every replay. */
    @GET
    @Path("status")
    public GeneratorStatus status() {
        return generator.status();
    }

    /** Starts a run; the body {@code {"rate": n, "total": n}} is optional. 409 while a run is generating. */
    @POST
    @Path("start")
    @ControlEndpoint
    public GeneratorStatus start(String body) {
        return generator.start(bodies.parse(body, StartRequest.class));
    }

    /** Stops generating; what was generated is still delivered. */
    @POST
    @Path("stop")
    @ControlEndpoint
    public GeneratorStatus stop() {
        return generator.stop();
    }

    /** Sets the target rate, {@code {"rate": n}}; 0 or less means as fast as possible. */
    @PUT
    @Path("rate")
    @ControlEndpoint
    public GeneratorStatus rate(String body) {
        RateRequest request = bodies.parse(body, RateRequest.class);
        return generator.setRate(request == null ? null : request.rate());
    }

    /** Replays a log file, {@code {"file": "/abs/path"}}; answers 202 with the replay's status. */
    @POST
    @Path("replay")
    @ControlEndpoint
    public Response startReplay(String body) {
        ReplayRequest request = bodies.parse(body, ReplayRequest.class);
        if (request == null) {
            throw new InvalidRequestException("a body {\"file\": \"/path/to/file.log\"} is required");
        }
        ReplayStatus status = replays.submit(request.file());
        return Response.accepted(status).build();
    }

    /** One replay's status; 404 for an unknown id. */
    @GET
    @Path("replay/{id}")
    public Response replayStatus(@PathParam("id") String id) {
        return replays.find(id)
                .map(status -> Response.ok(status).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ErrorResponse("no replay with id " + Quoted.of(id)))
                        .build());
    }
}
