package io.safetyhub.gateway.alarmstream;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a browser's EventSource, which cannot set headers, authenticate with {@code ?access_token=}: the
 * token is moved into the Authorization header before the caller is resolved, for this path only. The
 * trade-off (a token in a URL can reach logs and history) is contained by short-lived tokens and by never
 * logging query strings here (the access log pattern uses the path only).
 */
public class StreamTokenHandler implements Handler<RoutingContext> {
    @Override
    public void handle(RoutingContext ctx) {
        String token = ctx.request().getParam("access_token");
        if (token != null && !token.isBlank() && ctx.request().getHeader("Authorization") == null) {
            ctx.request().headers().set("Authorization", "Bearer " + token.trim());
        }
        ctx.next();
    }
}
