package io.safetyhub.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.http.RequestIds;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.route.Upstream;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;

/**
 * Relays an allowed request to its upstream and the answer back: method, path, query, body, the caller's bearer
 * token (the service checks it again, defence in depth) and the request id go out; status, headers and body
 * (problem+json included) come back as the service sent them, streamed ({@link ResponseRelay}). Vert.x core's
 * HTTP client rather than the WebClient: the WebClient hands over a response only once its body is read whole.
 */
@ApplicationScoped
@Startup // its upstream meters are registered at start, so each series is scraped at zero before the first request
public class ForwardHandler implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(ForwardHandler.class);

    /**
     * Request headers a service may need; cookies and anything hop-by-hop stay at the door. {@code X-Report-Secret}
     * is a reporter's secret for following a public report (enforcement-service): a header, so that it is in no URL
     * and no access log.
     */
    private static final Set<String> FORWARDED_REQUEST_HEADERS = ResponseRelay.caseInsensitive("authorization",
            "accept", "accept-language", "content-type", "if-match", "if-none-match", "if-modified-since",
            "if-unmodified-since", "cache-control", "last-event-id", "x-report-secret");
    private static final String USER_AGENT = "safetyhub-gateway";
    /** Methods that change nothing at the upstream (RFC 9110 §9.2.1), so sending one twice is harmless. */
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final HttpClient client;
    private final long timeoutMillis;
    private final UpstreamTimers timers;
    private final ResponseRelay relay;

    public ForwardHandler(Vertx vertx, GatewayConfig config, MeterRegistry meters, RouteTable routes) {
        GatewayConfig.Proxy proxy = config.proxy();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) proxy.connectTimeout().toMillis())
                .setMaxPoolSize(proxy.maxConnectionsPerUpstream())
                .setKeepAlive(true)
                // Let go of an idle connection before the upstream does, so the close race above is rare.
                .setKeepAliveTimeout((int) proxy.keepAliveTimeout().toSeconds())
                // Accept-Encoding is not relayed, so bodies arrive plain and are passed on as they are.
                .setTryUseCompression(false));
        this.timeoutMillis = proxy.timeout().toMillis();
        this.timers = new UpstreamTimers(meters, routes.routes());
        this.relay = new ResponseRelay(timers, new LocationRewriter(routes));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** A request whose body (bounded by {@code gateway.proxy.max-body-size}) the body handler has read. */
    @Override
    public void handle(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        send(new Exchange(ctx), body, SAFE_METHODS.contains(ctx.request().method()));
    }

    /**
     * Sends the request once; a safe request (GET, HEAD) whose pooled connection the upstream closed before any
     * answer came is sent once more on a fresh connection. That close is an ordinary race of keep-alive (the upstream
     * drops a connection idle past its own limit just as the gateway reuses it) and says nothing of the service, so
     * the caller should not see a 502 for it. Anything else, and any other method, is answered as it failed: a POST
     * the upstream may have read is never sent twice.
     */
    private void send(Exchange exchange, Buffer body, boolean mayResend) {
        RoutingContext ctx = exchange.ctx;
        client.request(options(ctx, exchange.upstream)).onComplete(opened -> {
            if (opened.failed()) {
                upstreamFailed(exchange, opened.cause());
                return;
            }
            HttpClientRequest out = opened.result();
            copyHeaders(ctx, out);
            out.response().onComplete(answer -> {
                if (answer.failed() && mayResend && closedUnanswered(answer.cause()) && !exchange.answeredHere()) {
                    LOG.debugf("request %s: %s closed a pooled connection unanswered; sent again on a fresh one",
                            exchange.requestId, exchange.upstream.name());
                    timers.resent(exchange.upstream);
                    send(exchange, body, false);
                    return;
                }
                answered(exchange, answer);
            });
            if (body == null || body.length() == 0) {
                out.end();
            } else {
                out.end(body);
            }
        });
    }

    /** The connection ended (closed or reset) before the answer's head: nothing of the answer has been relayed. */
    private static boolean closedUnanswered(Throwable failure) {
        return failure instanceof HttpClosedException
                || failure instanceof SocketException && !(failure instanceof ConnectException);
    }

    /**
     * Relays an admitted upload as it arrives (the request is still paused from the access decision), so the gateway
     * never holds more of it than the pipe's buffers. A declared length goes along (the service can refuse an
     * oversized file before reading it; a declared length over the limit never got here, see HttpLimits); a chunked
     * body is counted on the way and cut off with 413 once it passes {@code maxBytes}.
     */
    public void stream(RoutingContext ctx, long maxBytes) {
        Exchange exchange = new Exchange(ctx);
        HttpServerRequest in = ctx.request();
        client.request(options(ctx, exchange.upstream)).onComplete(opened -> {
            if (opened.failed()) {
                upstreamFailed(exchange, opened.cause());
                return;
            }
            HttpClientRequest out = opened.result();
            copyHeaders(ctx, out);
            String length = in.getHeader("Content-Length");
            if (length != null) {
                out.putHeader("Content-Length", length);
            } else {
                out.setChunked(true);
            }
            out.response().onComplete(answer -> answered(exchange, answer));
            long[] seen = {0};
            in.handler(chunk -> {
                if (exchange.answeredHere()) {
                    return; // cut off: the rest is read and dropped until the connection closes
                }
                seen[0] += chunk.length();
                if (seen[0] > maxBytes) {
                    tooLarge(exchange, out, maxBytes);
                    return;
                }
                out.write(chunk);
                if (out.writeQueueFull()) {
                    in.pause();
                    out.drainHandler(v -> in.resume());
                }
            });
            in.endHandler(v -> {
                if (!exchange.answeredHere()) {
                    out.end();
                }
            });
            in.exceptionHandler(failure -> out.reset(0, failure));
            in.resume();
        });
    }

    private void tooLarge(Exchange exchange, HttpClientRequest out, long maxBytes) {
        if (!exchange.answerHere()) {
            return;
        }
        out.reset();
        LOG.infof("request %s: upload to %s cut off: over the limit", exchange.requestId, exchange.upstream.name());
        exchange.ctx.response().putHeader("Connection", "close");
        Problems.send(exchange.ctx, 413, "BODY_TOO_LARGE", "the upload exceeds " + maxBytes + " bytes");
    }

    private RequestOptions options(RoutingContext ctx, Upstream upstream) {
        HttpServerRequest in = ctx.request();
        String query = in.query();
        String path = ctx.normalizedPath();
        String uri = query == null ? upstream.basePath() + path : upstream.basePath() + path + "?" + query;
        return new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(uri)
                .setFollowRedirects(false)
                // As the WebClient's timeout was: waiting for a pooled connection, then for the answer's head.
                .setTimeout(timeoutMillis);
    }

    private static void copyHeaders(RoutingContext ctx, HttpClientRequest out) {
        HttpServerRequest in = ctx.request();
        for (Map.Entry<String, String> header : in.headers()) {
            if (FORWARDED_REQUEST_HEADERS.contains(header.getKey())) {
                out.headers().add(header.getKey(), header.getValue());
            }
        }
        out.putHeader("User-Agent", USER_AGENT);
        out.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
        out.putHeader("X-Forwarded-For", forwardedFor(in));
        out.putHeader("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            out.putHeader("X-Forwarded-Host", in.authority().toString());
        }
    }

    private void answered(Exchange exchange, AsyncResult<HttpClientResponse> answer) {
        if (exchange.answeredHere()) {
            return; // an upload cut off at the limit: the caller has its 413, the reset upstream does not matter
        }
        if (answer.failed()) {
            upstreamFailed(exchange, answer.cause());
            return;
        }
        relay.relay(exchange, answer.result());
    }

    private void upstreamFailed(Exchange exchange, Throwable failure) {
        RoutingContext ctx = exchange.ctx;
        UpstreamFailure problem = UpstreamFailure.classify(failure, exchange.upstream.name(), timeoutMillis);
        timers.failed(exchange.upstream, problem.outcome(), exchange.startNanos);
        LOG.warnf("request %s: %s %s -> %s failed (%s): %s", exchange.requestId, ctx.request().method(),
                ctx.normalizedPath(), exchange.upstream.name(), problem.outcome(), failure.toString());
        if (ctx.response().ended() || ctx.response().closed() || !exchange.answerHere()) {
            return;
        }
        if (!ctx.request().isEnded()) {
            // An upload not read to its end: closing keeps its remaining bytes from being read as a next request.
            ctx.response().putHeader("Connection", "close");
        }
        Problems.send(ctx, problem.status(), problem.code(), problem.detail());
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
}
