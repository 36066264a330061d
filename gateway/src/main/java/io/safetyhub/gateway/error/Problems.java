package io.safetyhub.gateway.error;

import io.safetyhub.platform.Challenges;
import io.safetyhub.platform.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the platform's RFC 9457 problem document ({@link Problem#of}) from Vert.x handlers, so that the gateway's
 * errors have exactly the services' shape, plus the extension member {@code requestId} that a caller can quote.
 */
public final class Problems {
    public static final String PROBLEM_JSON = Problem.MEDIA_TYPE;
    /**
     * The request header that carries the exchange's id. The edge handler replaces whatever the caller sent with
     * the id it assigned before any other handler runs, so reading it here never echoes an unchecked value.
     */
    private static final String REQUEST_ID = "X-Request-Id";
    private static final int MAX_INSTANCE_LENGTH = 256;

    private Problems() {
    }

    /** Ends the exchange with a problem; a no-op when the response is already on its way. */
    public static void send(RoutingContext ctx, int status, String code, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        JsonObject body = toJson(Problem.of(status, code, detail, null, instance(ctx)));
        String requestId = ctx.request().getHeader(REQUEST_ID);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }

    /** 401 with the platform's RFC 6750 challenge; {@code invalidToken} says a token was sent but refused. */
    public static void unauthenticated(RoutingContext ctx, boolean invalidToken) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", Challenges.bearer(invalidToken));
        send(ctx, 401, "UNAUTHENTICATED", invalidToken
                ? "the bearer token is invalid or expired"
                : "this path needs a bearer token");
    }

    /** 405 with {@code Allow} for a path the gateway serves itself, asked with another method. */
    public static void methodNotAllowed(RoutingContext ctx, String allowed) {
        ctx.response().putHeader("Allow", allowed);
        send(ctx, 405, "METHOD_NOT_ALLOWED", ctx.request().method() + " is not supported at " + instance(ctx)
                + "; use " + allowed);
    }

    /**
     * The path the problem is about. A path Vert.x cannot normalise (a bad percent escape) is reported raw and
     * shortened: the problem must still go out, and a 5 KB path is no use to anyone reading it.
     */
    static String instance(RoutingContext ctx) {
        String path;
        try {
            path = ctx.normalizedPath();
        } catch (RuntimeException e) {
            path = ctx.request().path();
        }
        if (path == null) {
            return null;
        }
        return path.length() > MAX_INSTANCE_LENGTH ? path.substring(0, MAX_INSTANCE_LENGTH) : path;
    }

    private static JsonObject toJson(Problem problem) {
        JsonObject json = new JsonObject()
                .put("type", problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("code", problem.code());
        if (problem.instance() != null) {
            json.put("instance", problem.instance());
        }
        if (problem.errors() != null) {
            JsonArray errors = new JsonArray();
            problem.errors().forEach(e -> errors.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            json.put("errors", errors);
        }
        return json;
    }
}
