package io.safetyhub.gateway.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.safetyhub.platform.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Last word on a failed exchange: whatever failed (body too large, a bad token found by the security layer, a
 * request Vert.x could not read, a bug), the caller gets problem+json and never a stack trace or an empty body.
 * Also the router's error handler for the statuses Vert.x answers itself (a path it cannot decode, no route).
 */
public class FailureHandler implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            Problems.unauthenticated(ctx, failure instanceof AuthenticationFailedException);
            return;
        }
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            Problems.send(ctx, status, codeOf(status), detail(status, ctx));
            return;
        }
        LOG.errorf(failure, "unexpected failure on %s %s (status %d)", ctx.request().method(), Problems.instance(ctx), status);
        Problems.send(ctx, 500, "INTERNAL", "an unexpected error occurred; it has been logged");
    }

    private static String codeOf(int status) {
        return status == 431 ? "HEADERS_TOO_LARGE" : Problem.codeOf(status);
    }

    private static String detail(int status, RoutingContext ctx) {
        return switch (status) {
            case 400 -> "the request could not be read (malformed path, query or headers)";
            case 404 -> "nothing is served at " + Problems.instance(ctx);
            case 405 -> ctx.request().method() + " is not supported at " + Problems.instance(ctx);
            case 413 -> "the request body exceeds the gateway's limit";
            case 414 -> "the request URI is longer than the gateway accepts";
            case 431 -> "the request headers are larger than the gateway accepts";
            default -> "the request could not be served (HTTP " + status + ")";
        };
    }
}
