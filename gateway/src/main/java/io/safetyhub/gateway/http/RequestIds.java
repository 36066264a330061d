package io.safetyhub.gateway.http;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} that follows one call through the gateway, the services and the logs. A
 * caller's id is kept when it is a sane token; anything else (too long, control characters that could
 * forge log lines) is replaced by a fresh UUID.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "safetyhub.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Fixes the id of this exchange (the caller's if sane, a new UUID otherwise) and returns it. */
    static String assign(RoutingContext ctx) {
        String offered = ctx.request().getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        // Set on the request too, so that the access log (%{i,X-Request-Id}) shows the id actually used.
        ctx.request().headers().set(HEADER, id);
        return id;
    }

    /** The id assigned to this exchange, or null before {@link EdgeHeadersHandler} ran. */
    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
