package io.safetyhub.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.safetyhub.platform.Challenges;
import io.safetyhub.platform.Problem;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The one place where an exception becomes an HTTP answer: always problem+json, never a stack trace. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        return map(e, uriInfo == null ? null : uriInfo.getPath());
    }

    /** Maps any throwable met while serving {@code path}; also used by {@link ProblemMapperOverrides}. */
    static Response map(Throwable e, String path) {
        if (e instanceof WebApplicationException) {
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof JsonProcessingException json) {
                    return map(json, path); // the body reader wraps a broken body; say what broke
                }
            }
        }
        if (e instanceof AuthenticationFailedException || e instanceof UnauthorizedException) {
            // RFC 6750: say whether a token was missing or was sent and refused.
            boolean refused = e instanceof AuthenticationFailedException;
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .header("WWW-Authenticate", Challenges.bearer(refused))
                    .entity(Problem.of(401, "UNAUTHENTICATED", refused ? "the bearer token is invalid or expired"
                            : "a valid bearer token is required", null, path)).build();
        }
        Problem problem = problem(e, path);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem problem(Throwable e, String path) {
        if (e instanceof ForbiddenException) {
            return Problem.of(403, "FORBIDDEN", "your role may not do this", null, path);
        } else if (e instanceof DomainException d) {
            return Problem.of(d.status(), d.code(), d.getMessage(), d.errors(), path);
        } else if (e instanceof ConstraintViolationException v) {
            return Problem.of(400, "VALIDATION_FAILED", "the request has invalid fields",
                    v.getConstraintViolations().stream()
                            .map(c -> new Problem.FieldError(leaf(c.getPropertyPath().toString()), c.getMessage()))
                            .sorted(Comparator.comparing(Problem.FieldError::field))
                            .toList(), path);
        } else if (e instanceof InvalidDefinitionException d) {
            LOG.errorf(d, "a type cannot be (de)serialised on %s: a defect, not bad input", path);
            return Problem.of(500, "INTERNAL", "an unexpected error occurred; it has been logged", null, path);
        } else if (e instanceof ValueInstantiationException v) {
            String field = path(v);
            String message = v.getCause() != null && v.getCause().getMessage() != null ? v.getCause().getMessage()
                    : "invalid value";
            return Problem.of(400, "VALIDATION_FAILED", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), path);
        } else if (e instanceof MismatchedInputException m) {
            return Problem.of(400, "MALFORMED_REQUEST", readable(m), List.of(new Problem.FieldError(path(m), readable(m))), path);
        } else if (e instanceof JsonProcessingException j) {
            return Problem.of(400, "MALFORMED_JSON", "the body is not valid JSON: " + j.getOriginalMessage(),
                    List.of(new Problem.FieldError("body", "not valid JSON")), path);
        } else if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (status >= 500) {
                LOG.errorf(w, "failure on %s", path);
            }
            return Problem.of(status, Problem.codeOf(status), status >= 500
                    ? "an unexpected error occurred; it has been logged" : w.getMessage(), null, path);
        }
        LOG.errorf(e, "unexpected failure on %s", path);
        return Problem.of(500, "INTERNAL", "an unexpected error occurred; it has been logged", null, path);
    }

    /** {@code list.arg0.size} -> {@code size}: the caller knows fields, not Java parameter paths. */
    private static String leaf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String path(JsonMappingException m) {
        String p = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "body" : p;
    }

    private static String readable(MismatchedInputException m) {
        if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "'" + QueryParams.clip(String.valueOf(f.getValue())) + "' is not one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        if (m instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        return "invalid value for " + path(m) + ": " + m.getOriginalMessage();
    }
}
