package dev.logflow.dashboard.rest;

import com.mongodb.MongoException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A database that cannot answer is the server's problem, not the caller's: 503, so clients and probes retry. */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    Response toUnavailable(MongoException e) {
        LOG.warnf(e, "MongoDB did not answer; the request gets a 503");
        int status = Response.Status.SERVICE_UNAVAILABLE.getStatusCode();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(status, "MongoDB is not reachable; try again shortly"))
                .build();
    }
}
