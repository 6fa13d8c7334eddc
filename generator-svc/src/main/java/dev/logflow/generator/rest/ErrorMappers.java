package dev.logflow.generator.rest;

import dev.logflow.generator.model.ErrorResponse;
import dev.logflow.generator.service.ConflictException;
import dev.logflow.generator.service.ForbiddenRequestException;
import dev.logflow.generator.service.InvalidRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    private static Response error(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(message))
                .build();
    }
}
