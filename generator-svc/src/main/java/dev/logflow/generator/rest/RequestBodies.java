package dev.logflow.generator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logflow.generator.service.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads JSON request bodies with the application's ObjectMapper (unknown fields are refused, see properties). */
@ApplicationScoped
public class RequestBodies {

    private final ObjectMapper mapper;

    RequestBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The body as {@code type}, or null for an empty body.
     *
     * @throws InvalidRequestException when the body is not JSON of that shape; the message names the problem and
     *     never repeats the body
     */
    public <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("invalid request body: " + e.getOriginalMessage());
        }
    }
}
