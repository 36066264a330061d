package io.safetyhub.gateway.http;

import io.safetyhub.gateway.config.GatewayConfig;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every exchange: assigns the request id, tags the exchange's metrics with its route (not its
 * path) and, just before the status line goes out, stamps the request id and the security headers on the
 * response, whoever wrote it (proxy, upstream, a failure handler). Setting them at the end also overrides
 * whatever an upstream sent. The router's error handlers call {@link #stamp} too, for requests that failed
 * before any route ran.
 */
public class EdgeHeadersHandler implements Handler<RoutingContext> {
    private final GatewayConfig.Headers headers;
    private final MetricUris metricUris;

    public EdgeHeadersHandler(GatewayConfig.Headers headers, MetricUris metricUris) {
        this.headers = headers;
        this.metricUris = metricUris;
    }

    @Override
    public void handle(RoutingContext ctx) {
        stamp(ctx);
        ctx.next();
    }

    /**
     * Does the edge's work; safe to repeat (an error handler after the routes, a route that reroutes, which drops
     * the headers-end handlers): the id assigned first is kept, and the headers are set, not added.
     */
    public void stamp(RoutingContext ctx) {
        String requestId = RequestIds.assign(ctx);
        String path = pathOf(ctx);
        metricUris.tag(path);
        String csp = contentSecurityPolicy(path);
        ctx.addHeadersEndHandler(v -> {
            MultiMap out = ctx.response().headers();
            out.set(RequestIds.HEADER, requestId);
            out.set("X-Content-Type-Options", "nosniff");
            out.set("X-Frame-Options", headers.frameOptions());
            out.set("Referrer-Policy", headers.referrerPolicy());
            out.set("Content-Security-Policy", csp);
        });
    }

    /** The API and problem answers need nothing; pages (console, Swagger UI) need their own assets. */
    private String contentSecurityPolicy(String path) {
        if (path.startsWith("/q/swagger-ui")) {
            return headers.swaggerUiContentSecurityPolicy();
        }
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/")) {
            return headers.contentSecurityPolicy();
        }
        return headers.pageContentSecurityPolicy();
    }

    /** The normalised path; the raw one when Vert.x cannot normalise it (a bad escape: that request fails as 400). */
    private static String pathOf(RoutingContext ctx) {
        try {
            String path = ctx.normalizedPath();
            return path == null ? "/" : path;
        } catch (RuntimeException e) {
            String raw = ctx.request().path();
            return raw == null ? "/" : raw;
        }
    }
}
