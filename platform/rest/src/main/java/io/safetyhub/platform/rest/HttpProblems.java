package io.safetyhub.platform.rest;

import io.safetyhub.platform.Challenges;
import io.safetyhub.platform.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem from a Vert.x route, in exactly the shape the JAX-RS mapper writes. */
public final class HttpProblems {
    private HttpProblems() {
    }

    public static void send(RoutingContext ctx, int status, String code, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Problem p = Problem.of(status, code, detail, null, ctx.normalizedPath());
        JsonObject body = new JsonObject().put("type", p.type()).put("title", p.title()).put("status", p.status())
                .put("detail", p.detail()).put("code", p.code()).put("instance", p.instance());
        if (p.errors() != null) {
            JsonArray errors = new JsonArray();
            p.errors().forEach(f -> errors.add(new JsonObject().put("field", f.field()).put("message", f.message())));
            body.put("errors", errors);
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body.encode());
    }

    /** 401 with the RFC 6750 challenge; {@code invalidToken} says a token was sent but refused. */
    public static void unauthenticated(RoutingContext ctx, boolean invalidToken) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", Challenges.bearer(invalidToken));
        send(ctx, 401, "UNAUTHENTICATED", invalidToken ? "the bearer token is invalid or expired"
                : "a valid bearer token is required");
    }
}
