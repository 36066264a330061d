package io.safetyhub.gateway.http;

import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.route.UploadPaths;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The request's size, judged before any route reads it, so that every refusal is problem+json: a URI longer
 * than {@code gateway.http.max-uri-length} is 414, headers larger than {@code gateway.http.max-header-size} 431,
 * a declared body larger than {@code gateway.proxy.max-body-size} 413 (the gateway takes no larger body anywhere but
 * an upload path, whose multipart bodies are judged against {@code gateway.proxy.uploads.max-body-size}).
 * Netty's own limits sit above these, so the gateway answers first; only requests beyond Netty's limits, and
 * requests Netty cannot parse at all, still get Vert.x's bare status line.
 */
public class HttpLimits implements Handler<RoutingContext> {
    /** How long a refused request's remaining body is read and dropped before the connection is closed. */
    static final long LINGER_MILLIS = 2_000;
    private final int maxUriLength;
    private final long maxHeaderBytes;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final UploadPaths uploads;

    public HttpLimits(GatewayConfig config, UploadPaths uploads) {
        this.maxUriLength = config.http().maxUriLength();
        this.maxHeaderBytes = config.http().maxHeaderSize().asLongValue();
        this.maxBodyBytes = config.proxy().maxBodySize().asLongValue();
        this.maxUploadBytes = config.proxy().uploads().maxBodySize().asLongValue();
        this.uploads = uploads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            refuse(ctx, 414, "URI_TOO_LONG", "the request URI has " + uri.length() + " characters; at most "
                    + maxUriLength + " are accepted");
            return;
        }
        String malformed = malformation(uri);
        if (malformed != null) {
            refuse(ctx, 400, "BAD_REQUEST", "the request URI is malformed: " + malformed);
            return;
        }
        long headerBytes = headerBytes(ctx.request().headers());
        if (headerBytes > maxHeaderBytes) {
            refuse(ctx, 431, "HEADERS_TOO_LARGE", "the request headers hold " + headerBytes + " bytes; at most "
                    + maxHeaderBytes + " are accepted");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = uploads.admits(ctx.normalizedPath(), ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))
                ? maxUploadBytes : maxBodyBytes;
        if (length != null && declaredLength(length) > limit) {
            refuse(ctx, 413, "BODY_TOO_LARGE", "the request body exceeds " + limit + " bytes");
            return;
        }
        ctx.next();
    }

    /**
     * Why the URI cannot be read (a bad percent escape, a character that must be escaped), or null when it can.
     * The check Quarkus would make before any route, made here so the answer is problem+json (see GatewayMain).
     */
    static String malformation(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "it is empty";
        }
        if (plainPathAndQuery(uri)) {
            return null;
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
    }

    /**
     * The common case, judged without building a {@link URI}: a path (not {@code //}, which would read as an
     * authority) and query of characters a URI takes as they are, each {@code %} followed by two hex digits. Anything
     * else goes to {@link URI}'s parser, which has the last word.
     */
    static boolean plainPathAndQuery(String uri) {
        if (uri.charAt(0) != '/' || uri.length() > 1 && uri.charAt(1) == '/') {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length() || !hex(uri.charAt(i + 1)) || !hex(uri.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The headers' size as sent: name, ": ", value and CRLF per line. */
    static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    /** Netty has already refused a Content-Length that is not a number; a huge one reads as too large. */
    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The body, if any, is not read: closing the connection keeps its bytes from being read as a next request. */
    private static void refuse(RoutingContext ctx, int status, String code, String detail) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close").endHandler(v -> lingerThenClose(ctx));
        Problems.send(ctx, status, code, detail);
    }

    /**
     * Closes the connection once the client has stopped sending, or after {@link #LINGER_MILLIS}. Closing while a
     * client is still sending the body it was refused for makes the kernel reset the connection, and the reset can
     * discard the refusal before the client reads it: the client saw "connection reset" instead of the 413 (found as a
     * flaky {@code GatewayHttpContractIT}). What still comes is read and dropped meanwhile, as nginx's lingering close.
     */
    private static void lingerThenClose(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = ctx.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
        request.exceptionHandler(e -> connection.close());
        request.handler(dropped -> {
        }).endHandler(v -> {
            ctx.vertx().cancelTimer(timer);
            connection.close();
        });
        request.resume();
    }
}
