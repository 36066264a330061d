package io.safetyhub.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus ships its own mappers for security, validation and Jackson exceptions, and the mapper of the nearest
 * type wins over one for Throwable; these name every such type so that 400, 401 and 403 are problem+json like
 * every other error. quarkus-rest-jackson has a built-in mapper for several Jackson subtypes, hence the full list.
 */
public class ProblemMapperOverrides {

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
            ForbiddenException.class, ValidationException.class, ConstraintViolationException.class,
            JsonProcessingException.class, StreamReadException.class, JsonParseException.class, JsonEOFException.class,
            DatabindException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, InvalidNullException.class, InvalidTypeIdException.class,
            PropertyBindingException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class,
            InvalidDefinitionException.class})
    public Response map(Exception e, UriInfo uriInfo) {
        return ProblemExceptionMapper.map(e, uriInfo == null ? null : uriInfo.getPath());
    }
}
