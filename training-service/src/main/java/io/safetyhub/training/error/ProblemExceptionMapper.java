package io.safetyhub.training.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException) {
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof JsonProcessingException json) {
                    return toResponse(json); // the body reader wraps a broken body; say what broke
                }
            }
        }
        Problem problem;
        if (e instanceof AuthenticationFailedException || e instanceof UnauthorizedException) {
            // RFC 6750: say whether a token was missing or was sent and refused.
            boolean refused = e instanceof AuthenticationFailedException;
            return Response.status(401).type(PROBLEM_JSON)
                    .header("WWW-Authenticate", refused ? "Bearer error=\"invalid_token\"" : "Bearer")
                    .entity(problem(401, "UNAUTHENTICATED", refused ? "the bearer token is invalid or expired"
                            : "a valid bearer token is required", null)).build();
        } else if (e instanceof ForbiddenException) {
            problem = problem(403, "FORBIDDEN", "your role may not do this", null);
        } else if (e instanceof DomainException d) {
            problem = problem(d.status(), d.code(), d.getMessage(), d.errors());
        } else if (e instanceof ConstraintViolationException v) {
            problem = problem(400, "VALIDATION_FAILED", "the request has invalid fields",
                    v.getConstraintViolations().stream()
                            .map(c -> new Problem.FieldError(leaf(c.getPropertyPath().toString()), c.getMessage()))
                            .sorted(Comparator.comparing(Problem.FieldError::field))
                            .toList());
        } else if (e instanceof MismatchedInputException m) {
            problem = problem(400, "MALFORMED_REQUEST", readable(m), List.of(new Problem.FieldError(path(m), readable(m))));
        } else if (e instanceof JsonProcessingException j) {
            problem = problem(400, "MALFORMED_JSON", "the body is not valid JSON: " + j.getOriginalMessage(),
                    List.of(new Problem.FieldError("body", "not valid JSON")));
        } else if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            problem = problem(status, codeOf(status), w.getMessage(), null);
        } else {
            LOG.errorf(e, "unexpected failure on %s", uriInfo == null ? "?" : uriInfo.getPath());
            problem = problem(500, "INTERNAL", "an unexpected error occurred; it has been logged", null);
        }
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    private Problem problem(int status, String code, String detail, List<Problem.FieldError> errors) {
        return build(status, code, detail, errors, uriInfo == null ? null : uriInfo.getPath());
    }

    /** The one shape of a problem, also used by the security mappers and the HTTP-layer failure handler. */
    public static Problem build(int status, String code, String detail, List<Problem.FieldError> errors, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return new Problem("https://safetyhub.io/problems/" + code.toLowerCase().replace('_', '-'), title, status,
                detail, code, instance, errors);
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406, 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
    }

    /** {@code list.arg0.size} -> {@code size}: the caller knows fields, not Java parameter paths. */
    private static String leaf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String path(MismatchedInputException m) {
        String p = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "body" : p;
    }

    private static String readable(MismatchedInputException m) {
        if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "'" + f.getValue() + "' is not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        return "invalid value for " + path(m) + ": " + m.getOriginalMessage();
    }
}
