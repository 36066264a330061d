package io.safetyhub.gateway.http;

import io.safetyhub.gateway.config.GatewayConfig;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every exchange: assigns the request id and, just before the status line goes out,
 * stamps the request id and the security headers on the response, whoever wrote it (proxy, upstream,
 * health, a failure handler). Setting them at the end also overrides whatever an upstream sent.
 */
public class EdgeHeadersHandler implements Handler<RoutingContext> {
    private final GatewayConfig.Headers headers;

    public EdgeHeadersHandler(GatewayConfig.Headers headers) {
        this.headers = headers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String requestId = RequestIds.assign(ctx);
        String csp = contentSecurityPolicy(ctx.normalizedPath());
        ctx.addHeadersEndHandler(v -> {
            MultiMap out = ctx.response().headers();
            out.set(RequestIds.HEADER, requestId);
            out.set("X-Content-Type-Options", "nosniff");
            out.set("X-Frame-Options", headers.frameOptions());
            out.set("Referrer-Policy", headers.referrerPolicy());
            out.set("Content-Security-Policy", csp);
        });
        ctx.next();
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
}
