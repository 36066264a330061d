package io.safetyhub.gateway.proxy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.ratelimit.ClientKeys;
import io.safetyhub.gateway.ratelimit.RateLimiter;
import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.route.UploadPaths;
import io.safetyhub.gateway.security.Access;
import io.safetyhub.gateway.security.Callers;
import io.safetyhub.gateway.security.PolicyRule;
import io.safetyhub.gateway.security.RoutePolicy;
import io.safetyhub.gateway.security.VerifiedTokens;
import io.safetyhub.platform.BearerCredentials;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * Decides before any byte of the body is read. A token verified on an earlier request is taken from
 * {@link VerifiedTokens} without verifying it again. A malformed bearer header is a refused token at once (401
 * {@code invalid_token}, never handed to the verifier). Then the caller is resolved (a sent token is always
 * verified, even on a public path): a bad token is 401; over its rate, 429. Then: no route is 401 for an
 * anonymous caller (it learns nothing about which paths exist, as at every service) and 404 for a known one;
 * no policy line for the method is 403; no token where one is needed is 401, no fitting role 403; multipart is
 * 415 except on an upload path ({@code gateway.proxy.uploads.paths}), where it is streamed. Only an
 * allowed request reaches the body reader and the forwarder, the upload streamer or the alarm stream; the chosen
 * route, whether it is an upload, and the caller travel in the context.
 */
public class AccessHandler implements Handler<RoutingContext> {
    static final String ROUTE_KEY = "safetyhub.route";
    static final String UPLOAD_KEY = "safetyhub.upload";

    private final RouteTable routes;
    private final RoutePolicy policy;
    private final RateLimiter limiter;
    private final UploadPaths uploads;
    private final VerifiedTokens tokens;

    AccessHandler(RouteTable routes, RoutePolicy policy, RateLimiter limiter, UploadPaths uploads,
                  VerifiedTokens tokens) {
        this.tokens = tokens;
        this.routes = routes;
        this.policy = policy;
        this.limiter = limiter;
        this.uploads = uploads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // Vert.x has removed dot segments here, so /api/public/../alarms is judged as /api/alarms.
        String path = ctx.normalizedPath();
        String method = ctx.request().method().name();
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        // Whatever is decided, the body waits until it is (resolving the token may be asynchronous: a key fetch).
        ctx.request().pause();
        SecurityIdentity known = tokens.get(authorization);
        if (known != null) {
            // This exact token was verified on an earlier request (see VerifiedTokens for why that is safe).
            judge(ctx, known, path, method);
            return;
        }
        if (BearerCredentials.classify(authorization) == BearerCredentials.Kind.MALFORMED) {
            ctx.request().resume();
            refuseToken(ctx, path);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            tokens.put(authorization, identity);
            judge(ctx, identity, path, method);
        }, failure -> {
            ctx.request().resume();
            if (ctx.response().headWritten()) {
                return; // Quarkus routed the refused token to FailureHandler already: 401 is on its way
            }
            if (failure instanceof AuthenticationFailedException) {
                refuseToken(ctx, path);
            } else {
                ctx.fail(failure);
            }
        });
    }

    private void judge(RoutingContext ctx, SecurityIdentity identity, String path, String method) {
        if (overRate(ctx, ClientKeys.of(identity, ctx.request()), path)) {
            return;
        }
        Optional<Route> route = routes.resolve(path);
        Optional<PolicyRule> rule = route.isPresent() ? policy.ruleFor(path, method) : Optional.empty();
        decide(ctx, identity, path, method, route, rule);
    }

    private void decide(RoutingContext ctx, SecurityIdentity identity, String path, String method,
                        Optional<Route> route, Optional<PolicyRule> rule) {
        boolean anonymous = identity == null || identity.isAnonymous();
        Access access = rule.map(r -> RoutePolicy.decide(r, identity)).orElse(Access.FORBIDDEN);
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = UploadPaths.isMultipart(contentType);
        boolean upload = multipart && uploads.matches(path);
        if (route.isPresent() && access == Access.ALLOWED && (!multipart || upload)) {
            ctx.put(ROUTE_KEY, route.get());
            ctx.put(UPLOAD_KEY, upload);
            Callers.admit(ctx, identity);
            ctx.next();
            return;
        }
        ctx.request().resume();
        if (route.isEmpty()) {
            if (anonymous) {
                Problems.unauthenticated(ctx, false);
            } else {
                Problems.send(ctx, 404, "NOT_FOUND", "no service is routed at " + path);
            }
        } else if (rule.isEmpty()) {
            Problems.send(ctx, 403, "FORBIDDEN", "no policy allows " + method + " " + path);
        } else if (access == Access.UNAUTHENTICATED) {
            Problems.unauthenticated(ctx, false);
        } else if (access == Access.FORBIDDEN) {
            Problems.send(ctx, 403, "FORBIDDEN", "your roles do not allow " + method + " " + path);
        } else {
            Problems.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "the API takes JSON bodies; multipart is relayed only to file uploads");
        }
    }

    /** Refused tokens count against the address, so that guessing tokens is slowed down too. */
    private void refuseToken(RoutingContext ctx, String path) {
        if (!overRate(ctx, ClientKeys.address(ctx.request()), path)) {
            Problems.unauthenticated(ctx, true);
        }
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
}
