package io.safetyhub.gateway.proxy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.ratelimit.RateLimiter;
import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.security.Access;
import io.safetyhub.gateway.security.PolicyRule;
import io.safetyhub.gateway.security.RoutePolicy;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides before any byte of the body is read: which upstream (404 if none), which policy line (403 if
 * none), who is calling (401 for a missing or bad token), whether the caller is within its rate (429),
 * whether a role fits (403). Only an allowed request reaches the body reader and the forwarder (or the
 * alarm stream); the chosen route and the caller travel in the context.
 */
public class AccessHandler implements Handler<RoutingContext> {
    static final String ROUTE_KEY = "safetyhub.route";
    public static final String IDENTITY_KEY = "safetyhub.identity";

    private final RouteTable routes;
    private final RoutePolicy policy;
    private final RateLimiter limiter;

    AccessHandler(RouteTable routes, RoutePolicy policy, RateLimiter limiter) {
        this.routes = routes;
        this.policy = policy;
        this.limiter = limiter;
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
            if (overRate(ctx, clientOf(identity, ctx), path)) {
                return;
            }
            Access access = RoutePolicy.decide(rule.get(), identity);
            if (access == Access.ALLOWED) {
                ctx.put(ROUTE_KEY, route.get());
                ctx.put(IDENTITY_KEY, identity);
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
                // Refused tokens count against the address, so that guessing tokens is slowed down too.
                if (!overRate(ctx, addressOf(ctx), path)) {
                    Problems.unauthenticated(ctx, true);
                }
            } else {
                ctx.fail(failure);
            }
        });
    }

    private boolean overRate(RoutingContext ctx, String client, String path) {
        return limiter.take(client, path).map(refusal -> {
            ctx.request().resume();
            ctx.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            Problems.send(ctx, 429, "RATE_LIMITED", "too many requests in class '" + refusal.rateClass()
                    + "'; retry after " + refusal.retryAfterSeconds() + " s");
            return true;
        }).orElse(false);
    }

    /** The token's subject, else its authorised party (a service account), else the caller's address. */
    static String clientOf(SecurityIdentity identity, RoutingContext ctx) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null) {
                return "sub:" + jwt.getSubject();
            }
            Object azp = jwt.getClaim("azp");
            if (azp != null) {
                return "azp:" + azp;
            }
        }
        return addressOf(ctx);
    }

    private static String addressOf(RoutingContext ctx) {
        // The socket's address, not X-Forwarded-For, which any caller can write.
        return "addr:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
    }
}
