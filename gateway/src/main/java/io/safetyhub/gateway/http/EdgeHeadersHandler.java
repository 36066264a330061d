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
        ctx.addHeadersEndHandler(v -> {
            MultiMap out = ctx.response().headers();
            out.set(RequestIds.HEADER, requestId);
            out.set("X-Content-Type-Options", "nosniff");
            out.set("X-Frame-Options", headers.frameOptions());
            out.set("Referrer-Policy", headers.referrerPolicy());
            out.set("Content-Security-Policy", headers.contentSecurityPolicy());
        });
        ctx.next();
    }
}
