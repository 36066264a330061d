package io.safetyhub.gateway.error;

import io.safetyhub.gateway.http.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * Writes RFC 9457 problem details from Vert.x handlers, in the same shape the services' exception
 * mappers produce ({@code type}, {@code title}, {@code status}, {@code detail}, {@code code},
 * {@code instance}), plus {@code requestId} so that a caller can quote it.
 */
public final class Problems {
    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** Ends the exchange with a problem; a no-op when the response is already on its way. */
    public static void send(RoutingContext ctx, int status, String code, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "https://safetyhub.io/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("title", title(status))
                .put("status", status)
                .put("detail", detail)
                .put("code", code)
                .put("instance", ctx.normalizedPath());
        String requestId = RequestIds.of(ctx);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(problem.encode());
    }

    /** 401 with the RFC 6750 challenge; {@code invalidToken} says a token was sent but refused. */
    public static void unauthenticated(RoutingContext ctx, boolean invalidToken) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().putHeader("WWW-Authenticate",
                invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        send(ctx, 401, "UNAUTHENTICATED", invalidToken
                ? "the bearer token is invalid or expired"
                : "this path needs a bearer token");
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Internal Server Error" : "HTTP " + status;
        };
    }
}
