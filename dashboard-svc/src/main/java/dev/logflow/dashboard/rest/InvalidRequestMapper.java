package dev.logflow.dashboard.rest;

import dev.logflow.dashboard.model.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a request with an unusable parameter with a 400 and a message saying what is wrong. */
public class InvalidRequestMapper {

    private static final Logger LOG = Logger.getLogger(InvalidRequestMapper.class);

    @ServerExceptionMapper
    Response toBadRequest(InvalidRequestException e) {
        LOG.debugf("Refused a request: %s", e.getMessage());
        return ErrorBody.answer(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
    }
}
