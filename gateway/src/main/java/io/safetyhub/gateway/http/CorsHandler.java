package io.safetyhub.gateway.http;

import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.error.Problems;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;

/**
 * CORS for the configured origins only, answered at the gateway: a preflight never reaches the route
 * policy (which has no OPTIONS lines) or a service. Bearer tokens, not cookies, carry identity, so
 * credentials are never allowed; an origin not listed simply gets no CORS headers and the browser blocks.
 */
public class CorsHandler implements Handler<RoutingContext> {
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Accept-Language, X-Request-Id, "
            + "Last-Event-ID, If-Match, If-None-Match, Cache-Control";
    static final String EXPOSED_HEADERS = "X-Request-Id, Retry-After, ETag, Location, Content-Disposition";

    private final Set<String> origins;
    private final String maxAge;

    public CorsHandler(GatewayConfig.Cors cors) {
        List<String> configured = cors.origins().orElse(List.of());
        for (String origin : configured) {
            if (origin.contains("*") || origin.endsWith("/") || !origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("gateway.cors.origins: '" + origin
                        + "' must be a literal scheme://host[:port] without wildcard or path");
            }
        }
        this.origins = Set.copyOf(configured);
        this.maxAge = Long.toString(cors.maxAge().toSeconds());
    }

    @Override
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        MultiMap out = ctx.response().headers();
        out.add("Vary", "Origin");
        boolean allowed = origins.contains(origin);
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!allowed) {
                Problems.send(ctx, 403, "CORS_ORIGIN_REFUSED", "origin " + origin + " may not call this API");
                return;
            }
            out.set("Access-Control-Allow-Origin", origin)
                    .set("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .set("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .set("Access-Control-Max-Age", maxAge);
            ctx.response().setStatusCode(204).end();
            return;
        }
        if (allowed) {
            out.set("Access-Control-Allow-Origin", origin).set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        ctx.next();
    }
}
