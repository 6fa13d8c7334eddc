package dev.logflow.generator.rest;

import dev.logflow.generator.model.ErrorResponse;
import dev.logflow.generator.service.ConflictException;
import dev.logflow.generator.service.ForbiddenRequestException;
import dev.logflow.generator.service.InvalidRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns request errors into 4xx answers with a JSON message, so a bad request never surfaces as a 500. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenRequestException e) {
        return error(Response.Status.FORBIDDEN, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    /**
     * What the framework refuses itself (no such path, a method the path does not take, a parameter it cannot
     * decode) gets the same JSON body, with its status and headers ({@code Allow} on a 405) kept.
     */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String message =
                type == null ? "HTTP " + status : type.getReasonPhrase().toLowerCase(Locale.ROOT);
        return Response.fromResponse(e.getResponse())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(message))
                .build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(message))
                .build();
    }
}
