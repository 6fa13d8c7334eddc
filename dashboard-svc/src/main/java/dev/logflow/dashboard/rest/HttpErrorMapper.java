package dev.logflow.dashboard.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The errors the framework answers itself (no such path, a method other than GET, a body it does not take) get the
 * same JSON body as the service's own, with their status and headers ({@code Allow} on a 405) kept.
 */
public class HttpErrorMapper {

    @ServerExceptionMapper
    Response toJson(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Response.fromResponse(e.getResponse())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(message(status)))
                .build();
    }

    private static String message(int status) {
        if (status == Response.Status.METHOD_NOT_ALLOWED.getStatusCode()) {
            return "method not allowed: the dashboard is read-only, use GET";
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "HTTP " + status : type.getReasonPhrase().toLowerCase(Locale.ROOT);
    }
}
