package io.safetyhub.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Answers what fails below JAX-RS as problem+json too: a body over {@code quarkus.http.limits.max-body-size}
 * (Quarkus' own check answers a bare 413), a path under {@code /api} that no resource serves, and whatever a
 * route handler fails with.
 */
@ApplicationScoped
public class HttpLayerProblems {
    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    private final long maxBodyBytes;

    public HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Router router) {
        // Before Quarkus' own upload-limit route, which would end the exchange with an empty 413.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::checkBodySize);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1000).handler(ctx ->
                HttpProblems.send(ctx, 404, "NOT_FOUND", "nothing is served at " + ctx.normalizedPath()));
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).failureHandler(this::onFailure);
    }

    void checkBodySize(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    ctx.response().putHeader("Connection", "close");
                    HttpProblems.send(ctx, 413, "BODY_TOO_LARGE", "the request body exceeds " + maxBodyBytes + " bytes");
                    return;
                }
            } catch (NumberFormatException e) {
                HttpProblems.send(ctx, 400, "BAD_REQUEST", "Content-Length is not a number");
                return;
            }
        }
        ctx.next();
    }

    void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            HttpProblems.unauthenticated(ctx, failure instanceof AuthenticationFailedException);
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(failure, "unexpected failure on %s %s", ctx.request().method(), ctx.normalizedPath());
            HttpProblems.send(ctx, 500, "INTERNAL", "an unexpected error occurred; it has been logged");
        } else {
            HttpProblems.send(ctx, status, io.safetyhub.platform.Problem.codeOf(status),
                    "the request could not be served (HTTP " + status + ")");
        }
    }
}
