package io.safetyhub.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.http.RequestIds;
import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.route.Upstream;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relays an allowed request to its upstream and the answer back: method, path, query, body, the caller's bearer
 * token (the service checks it again, defence in depth) and the request id go out; status, headers and body
 * (problem+json included) come back as the service sent them, except that a {@code Location} pointing at the
 * service's internal address is made to point at the gateway's public origin.
 */
@ApplicationScoped
public class ForwardHandler implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(ForwardHandler.class);

    /** Request headers a service may need; cookies and anything hop-by-hop stay at the door. */
    private static final Set<String> FORWARDED_REQUEST_HEADERS = Set.of("authorization", "accept",
            "accept-language", "content-type", "if-match", "if-none-match", "if-modified-since",
            "if-unmodified-since", "cache-control", "last-event-id");

    /** Hop-by-hop headers (RFC 9110 §7.6.1), the length Vert.x recomputes, and CORS, which the gateway owns. */
    private static final Set<String> DROPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
            "content-length");

    private final WebClient client;
    private final UpstreamTimers timers;
    private final long timeoutMillis;
    private final LocationRewriter locations;

    public ForwardHandler(Vertx vertx, GatewayConfig config, MeterRegistry meters, RouteTable routes) {
        GatewayConfig.Proxy proxy = config.proxy();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) proxy.connectTimeout().toMillis())
                .setMaxPoolSize(proxy.maxConnectionsPerUpstream())
                .setKeepAlive(true)
                .setFollowRedirects(false)
                // Accept-Encoding is not relayed, so bodies arrive plain and are passed on as they are.
                .setTryUseCompression(false)
                .setUserAgent("safetyhub-gateway"));
        this.timers = new UpstreamTimers(meters, routes.routes());
        this.timeoutMillis = proxy.timeout().toMillis();
        this.locations = new LocationRewriter(routes);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public void handle(RoutingContext ctx) {
        io.vertx.core.buffer.Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        HttpRequest<Buffer> out = request(ctx);
        send(ctx, body == null || body.length() == 0 ? out.send() : out.sendBuffer(Buffer.newInstance(body)));
    }

    /**
     * Relays an admitted upload as it arrives (the request is still paused from the access decision), so the gateway
     * never holds more of it than the pipe's buffers. A declared length goes along (the service can refuse an
     * oversized file before reading it; a declared length over the limit never got here, see HttpLimits); a chunked
     * body is counted on the way and cut off with 413 once it passes {@code maxBytes}.
     */
    public void stream(RoutingContext ctx, long maxBytes) {
        HttpRequest<Buffer> out = request(ctx);
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            out.putHeader("Content-Length", length);
        }
        AtomicLong seen = new AtomicLong();
        Multi<Buffer> body = io.vertx.mutiny.core.http.HttpServerRequest.newInstance(ctx.request()).toMulti()
                .onItem().invoke(chunk -> {
                    if (seen.addAndGet(chunk.length()) > maxBytes) {
                        throw new UploadTooLarge(maxBytes);
                    }
                });
        send(ctx, out.sendStream(body));
    }

    /** A chunked upload that went past the limit while it was being relayed. */
    static final class UploadTooLarge extends RuntimeException {
        UploadTooLarge(long maxBytes) {
            super("the upload exceeds " + maxBytes + " bytes", null, false, false);
        }
    }

    private HttpRequest<Buffer> request(RoutingContext ctx) {
        Route route = ctx.get(AccessHandler.ROUTE_KEY);
        Upstream upstream = route.upstream();
        HttpServerRequest in = ctx.request();
        String query = in.query();
        String uri = upstream.basePath() + ctx.normalizedPath() + (query == null ? "" : "?" + query);

        HttpRequest<Buffer> out = client.request(in.method(), upstream.port(), upstream.host(), uri)
                .ssl(upstream.ssl())
                .timeout(timeoutMillis);
        for (Map.Entry<String, String> header : in.headers()) {
            if (FORWARDED_REQUEST_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                out.putHeader(header.getKey(), header.getValue());
            }
        }
        out.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
        out.putHeader("X-Forwarded-For", forwardedFor(in));
        out.putHeader("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            out.putHeader("X-Forwarded-Host", in.authority().toString());
        }
        return out;
    }

    private void send(RoutingContext ctx, Uni<HttpResponse<Buffer>> exchange) {
        Upstream upstream = ctx.<Route>get(AccessHandler.ROUTE_KEY).upstream();
        HttpServerRequest in = ctx.request();
        String requestId = RequestIds.of(ctx);
        long start = System.nanoTime();
        exchange.subscribe().with(
                answer -> {
                    timers.answered(upstream, answer.statusCode(), start);
                    relay(ctx, answer);
                },
                failure -> {
                    if (causedBy(failure, UploadTooLarge.class)) {
                        LOG.infof("request %s: upload to %s cut off: over the limit", requestId, upstream.name());
                        ctx.response().putHeader("Connection", "close");
                        Problems.send(ctx, 413, "BODY_TOO_LARGE", causeMessage(failure));
                        return;
                    }
                    UpstreamFailure problem = UpstreamFailure.classify(failure, upstream.name(), timeoutMillis);
                    timers.failed(upstream, problem.outcome(), start);
                    LOG.warnf("request %s: %s %s -> %s failed (%s): %s", requestId, in.method(),
                            ctx.normalizedPath(), upstream.name(), problem.outcome(), failure.toString());
                    Problems.send(ctx, problem.status(), problem.code(), problem.detail());
                });
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String causeMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UploadTooLarge) {
                return t.getMessage();
            }
        }
        return failure.getMessage();
    }

    /**
     * The hops so far plus the socket this request came from. The hops a caller claims are kept only when Quarkus
     * trusted them (the socket is a proxy of {@code quarkus.http.proxy.trusted-proxies}, so the remote address it
     * reports is the forwarded client's); a direct caller's own claims are dropped.
     */
    static String forwardedFor(HttpServerRequest in) {
        String socket = in.connection() != null && in.connection().remoteAddress() != null
                ? in.connection().remoteAddress().hostAddress() : null;
        String client = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (socket == null) {
            return client == null ? "unknown" : client;
        }
        if (client == null || client.equals(socket)) {
            return socket;
        }
        String claimed = in.getHeader("X-Forwarded-For");
        return (claimed != null && !claimed.isBlank() ? claimed.strip() : client) + ", " + socket;
    }

    /** Where the caller reached the gateway: scheme and authority, as a trusted proxy forwarded them if any. */
    private static String publicOrigin(HttpServerRequest in) {
        // A host that is not a plain name or address (a caller's garbage Host header) gets a relative reference.
        if (in.authority() == null || !in.authority().host().matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+]")) {
            return null;
        }
        return in.scheme() + "://" + in.authority();
    }

    private void relay(RoutingContext ctx, HttpResponse<Buffer> answer) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return; // the caller went away while the upstream was answering
        }
        response.setStatusCode(answer.statusCode());
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("location") || name.equals("content-location")) {
                response.headers().add(header.getKey(), locations.rewrite(header.getValue(), publicOrigin(ctx.request())));
            } else if (!DROPPED_RESPONSE_HEADERS.contains(name) && !name.startsWith("access-control-")) {
                response.headers().add(header.getKey(), header.getValue());
            }
        }
        Buffer body = answer.body();
        if (body == null) {
            response.end();
        } else {
            response.end(body.getDelegate());
        }
    }
}
