package io.safetyhub.training.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus ships its own mappers for security and validation exceptions, and a narrower mapper wins over
 * one for Throwable; these are narrower still and hand the exception to {@link ProblemExceptionMapper},
 * so that 400, 401 and 403 are problem+json like every other error. The Jackson types are listed one by
 * one because quarkus-rest-jackson has a built-in mapper for each of them.
 */
public class ProblemMapperOverrides {

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
            ForbiddenException.class, ConstraintViolationException.class, JsonProcessingException.class,
            JsonParseException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response map(Exception e, UriInfo uriInfo) {
        ProblemExceptionMapper mapper = new ProblemExceptionMapper();
        mapper.uriInfo = uriInfo;
        return mapper.toResponse(e);
    }
}
