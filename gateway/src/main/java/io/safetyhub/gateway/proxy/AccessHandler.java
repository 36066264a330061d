package io.safetyhub.gateway.proxy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.security.Access;
import io.safetyhub.gateway.security.PolicyRule;
import io.safetyhub.gateway.security.RoutePolicy;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides before any byte of the body is read: which upstream (404 if none), which policy line (403 if
 * none), who is calling (401 for a missing or bad token), whether a role fits (403). Only an allowed
 * request reaches the body reader and the forwarder; the chosen route travels in the context.
 */
class AccessHandler implements Handler<RoutingContext> {
    static final String ROUTE_KEY = "safetyhub.route";

    private final RouteTable routes;
    private final RoutePolicy policy;

    AccessHandler(RouteTable routes, RoutePolicy policy) {
        this.routes = routes;
        this.policy = policy;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // Vert.x has removed dot segments here, so /api/public/../alarms is judged as /api/alarms.
        String path = ctx.normalizedPath();
        String method = ctx.request().method().name();
        Optional<Route> route = routes.resolve(path);
        if (route.isEmpty()) {
            Problems.send(ctx, 404, "NOT_FOUND", "no service is routed at " + path);
            return;
        }
        Optional<PolicyRule> rule = policy.ruleFor(path, method);
        if (rule.isEmpty()) {
            Problems.send(ctx, 403, "FORBIDDEN", "no policy allows " + method + " " + path);
            return;
        }
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Problems.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "the API takes JSON bodies; multipart is not forwarded");
            return;
        }
        // Resolving the token may be asynchronous (key fetch): hold the body until the decision is made.
        ctx.request().pause();
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            Access access = RoutePolicy.decide(rule.get(), identity);
            if (access == Access.ALLOWED) {
                ctx.put(ROUTE_KEY, route.get());
                ctx.next();
                return;
            }
            ctx.request().resume();
            if (access == Access.UNAUTHENTICATED) {
                Problems.unauthenticated(ctx, false);
            } else {
                Problems.send(ctx, 403, "FORBIDDEN", "your roles do not allow " + method + " " + path);
            }
        }, failure -> {
            ctx.request().resume();
            if (ctx.response().headWritten()) {
                return; // Quarkus routed the refused token to FailureHandler already: 401 is on its way
            }
            if (failure instanceof AuthenticationFailedException) {
                Problems.unauthenticated(ctx, true);
            } else {
                ctx.fail(failure);
            }
        });
    }
}
