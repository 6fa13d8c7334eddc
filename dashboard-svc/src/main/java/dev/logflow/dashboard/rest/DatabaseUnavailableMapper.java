package dev.logflow.dashboard.rest;

import com.mongodb.MongoException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A database that cannot answer is the server's problem, not the caller's: 503, so clients and probes retry. */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    Response toUnavailable(MongoException e) {
        LOG.warnf(e, "MongoDB did not answer; the request gets a 503");
        return ErrorBody.answer(
                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "MongoDB is not reachable; try again shortly");
    }
}
