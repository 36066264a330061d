package io.safetyhub.gateway.http;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code X-Request-Id} that follows one call through the gateway, the services and the logs. A
 * caller's id is kept when it is a sane token; anything else (too long, control characters that could
 * forge log lines) is replaced by a fresh UUID.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "safetyhub.request-id";
    private static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** Fixes the id of this exchange (the caller's if sane, a new UUID otherwise) and returns it. */
    static String assign(RoutingContext ctx) {
        String offered = ctx.request().getHeader(HEADER);
        String id = sane(offered) ? offered : randomId();
        ctx.put(KEY, id);
        // Set on the request too, so that the access log (%{i,X-Request-Id}) shows the id actually used.
        ctx.request().headers().set(HEADER, id);
        return id;
    }

    /** At most 128 of {@code [A-Za-z0-9._:-]}: nothing that could forge a log line or bloat one. */
    static boolean sane(String offered) {
        if (offered == null || offered.isEmpty() || offered.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < offered.length(); i++) {
            char c = offered.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id only has to be unique, not secret,
     * and {@link UUID#randomUUID()} makes every request queue on one shared SecureRandom.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The id assigned to this exchange, or null before {@link EdgeHeadersHandler} ran. */
    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
