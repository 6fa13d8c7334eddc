package dev.logflow.dashboard.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error answer (4xx and 503), the same shape as generator-svc's and loader-svc's.
 *
 * @param error what is wrong, naming the parameter when one is; never the raw input unescaped
 */
@RegisterForReflection
public record ErrorBody(String error) {

    /** @return an answer with this status and a JSON body saying {@code error} */
    static Response answer(int status, String error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error))
                .build();
    }
}
