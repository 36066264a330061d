package io.safetyhub.gateway.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Last word on a failed exchange: whatever failed (body too large, a bad token found by the security
 * layer, a bug), the caller gets problem+json and never a stack trace or an HTML error page.
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
        switch (status) {
            case 400 -> Problems.send(ctx, 400, "BAD_REQUEST", "the request could not be read");
            case 404 -> Problems.send(ctx, 404, "NOT_FOUND", "nothing is served at " + ctx.normalizedPath());
            case 405 -> Problems.send(ctx, 405, "METHOD_NOT_ALLOWED", ctx.request().method() + " is not supported here");
            case 413 -> Problems.send(ctx, 413, "BODY_TOO_LARGE", "the request body exceeds the gateway's limit");
            default -> {
                LOG.errorf(failure, "unexpected failure on %s %s (status %d)", ctx.request().method(),
                        ctx.normalizedPath(), status);
                Problems.send(ctx, 500, "INTERNAL", "an unexpected error occurred; it has been logged");
            }
        }
    }
}
