package dev.logflow.generator.rest;

import dev.logflow.generator.model.ErrorResponse;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Lets a {@link ControlEndpoint} request through only as {@link ControlAccess} decides: 401 without the right
 * {@code Authorization: Bearer <token>}, 403 when the control API is closed. The token is never logged nor echoed.
 */
@Provider
@ControlEndpoint
@Priority(Priorities.AUTHENTICATION)
public class ControlTokenFilter implements ContainerRequestFilter {

    static final String DISABLED = "control API disabled: set logflow.generator.control.token";
    static final String UNAUTHORIZED = "missing or wrong bearer token: send Authorization: Bearer <token>";
    private static final Logger LOG = Logger.getLogger(ControlTokenFilter.class);

    private final ControlAccess access;

    ControlTokenFilter(ControlAccess access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        switch (access.decide(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case ALLOW -> {
                // nothing to do: the request goes on to the resource
            }
            case DISABLED ->
                request.abortWith(error(Response.Status.FORBIDDEN, DISABLED).build());
            case UNAUTHORIZED -> {
                LOG.debugf("Refused %s %s: missing or wrong bearer token", request.getMethod(), path(request));
                request.abortWith(error(Response.Status.UNAUTHORIZED, UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .build());
            }
        }
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getPath();
    }

    private static Response.ResponseBuilder error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorResponse(message));
    }
}
