package dev.logflow.loader.rest;

import com.mongodb.MongoException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error answer of the API is JSON {@code {"error": "..."}}: a bad request a 400, what the framework refuses
 * itself (no such path, a method other than GET) its own status, and MongoDB not answering a 503 without the
 * driver's description of the cluster.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    Response invalid(InvalidRequestException e) {
        LOG.debugf("Refused a request: %s", e.getMessage());
        return ErrorBody.answer(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
    }

    @ServerExceptionMapper
    Response unavailable(MongoException e) {
        LOG.warnf(e, "MongoDB did not answer; the request gets a 503");
        return ErrorBody.answer(
                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "MongoDB is not reachable; try again shortly");
    }

    /** Keeps the status and headers ({@code Allow} on a 405) of what the framework answered. */
    @ServerExceptionMapper
    Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Response.fromResponse(e.getResponse())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(message(status)))
                .build();
    }

    private static String message(int status) {
        if (status == Response.Status.METHOD_NOT_ALLOWED.getStatusCode()) {
            return "method not allowed: the loader's API is read-only, use GET";
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "HTTP " + status : type.getReasonPhrase().toLowerCase(Locale.ROOT);
    }
}
