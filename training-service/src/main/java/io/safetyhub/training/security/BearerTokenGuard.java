package io.safetyhub.training.security;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.safetyhub.training.error.Problem;
import io.safetyhub.training.error.ProblemExceptionMapper;
import io.safetyhub.events.serde.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Deny by default below {@code /api} (except {@code /api/public}, which is anonymous), the same rule as
 * enterprise-service: a call without a bearer token is answered 401 problem+json here, whether or not an
 * endpoint exists. A token that is present is verified, and its roles checked, by the endpoint's
 * {@code @RolesAllowed} (endpoints without one are denied, see application.properties), so a bad token
 * also ends as problem+json through the REST exception mappers.
 */
@ApplicationScoped
public class BearerTokenGuard {

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::requireBearer);
    }

    private void requireBearer(RoutingContext ctx) {
        if (ctx.normalizedPath().startsWith("/api/public/")) {
            ctx.next(); // published exam results and upcoming activities are anonymous by design
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.next();
            return;
        }
        Problem problem = ProblemExceptionMapper.build(401, "UNAUTHENTICATED", "a valid bearer token is required",
                null, ctx.normalizedPath());
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", ProblemExceptionMapper.PROBLEM_JSON)
                .end(Buffer.buffer(Json.write(problem)));
    }
}
