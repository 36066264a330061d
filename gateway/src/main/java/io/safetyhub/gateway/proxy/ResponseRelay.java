package io.safetyhub.gateway.proxy;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Passes an upstream's answer to the caller as it arrives: status and headers first, then the body streamed with
 * back-pressure (the gateway never holds a whole body, however large: an 8 MB evidence file passes through a few
 * buffers at a time). Headers go back unchanged except hop-by-hop ones, {@code Access-Control-*} (the gateway owns
 * CORS) and {@code Location} / {@code Content-Location}, which are made to point at the gateway's public origin.
 */
final class ResponseRelay {
    private static final Logger LOG = Logger.getLogger(ResponseRelay.class);

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and the framing headers, which the relay sets itself. */
    private static final Set<String> DROPPED = caseInsensitive("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length");
    private static final String CORS_PREFIX = "access-control-";
    /** A host worth building an absolute URL on: a plain name or address (not a caller's garbage Host header). */
    private static final Pattern SANE_HOST = Pattern.compile("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+]");

    private final UpstreamTimers timers;
    private final LocationRewriter locations;

    ResponseRelay(UpstreamTimers timers, LocationRewriter locations) {
        this.timers = timers;
        this.locations = locations;
    }

    void relay(Exchange exchange, HttpClientResponse answer) {
        HttpServerResponse response = exchange.ctx.response();
        int status = answer.statusCode();
        if (response.ended() || response.closed()) {
            // The caller went away while the upstream was answering: stop reading what nobody will receive.
            answer.request().reset();
            timers.answered(exchange.upstream, status, exchange.startNanos);
            return;
        }
        response.setStatusCode(status);
        copyHeaders(exchange.ctx.request(), answer, response);
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (HttpMethod.HEAD.equals(exchange.ctx.request().method()) || status == 204 || status == 304) {
            if (length != null && status != 204) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, length); // what a GET would carry (RFC 9110 §8.6)
            }
            response.end();
            answer.end().onComplete(done -> timers.answered(exchange.upstream, status, exchange.startNanos));
            return;
        }
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            response.setChunked(true);
        }
        answer.pipe().endOnFailure(false).to(response).onComplete(done -> {
            if (done.succeeded()) {
                timers.answered(exchange.upstream, status, exchange.startNanos);
            } else if (response.closed()) {
                answer.request().reset();
                timers.answered(exchange.upstream, status, exchange.startNanos);
                LOG.debugf("request %s: the caller left before the answer of %s was relayed", exchange.requestId,
                        exchange.upstream.name());
            } else {
                // The status is out, so the caller must see a broken response rather than a short one taken as whole.
                timers.failed(exchange.upstream, "failed", exchange.startNanos);
                LOG.warnf("request %s: %s %s -> %s failed while its body was relayed (failed): %s", exchange.requestId,
                        exchange.ctx.request().method(), exchange.ctx.normalizedPath(), exchange.upstream.name(),
                        String.valueOf(done.cause()));
                response.reset();
            }
        });
    }

    private void copyHeaders(HttpServerRequest request, HttpClientResponse answer, HttpServerResponse response) {
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("location") || name.equalsIgnoreCase("content-location")) {
                response.headers().add(name, locations.rewrite(header.getValue(), publicOrigin(request)));
            } else if (!DROPPED.contains(name) && !name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length())) {
                response.headers().add(name, header.getValue());
            }
        }
    }

    /** Where the caller reached the gateway: scheme and authority, as a trusted proxy forwarded them if any. */
    private static String publicOrigin(HttpServerRequest in) {
        if (in.authority() == null || !SANE_HOST.matcher(in.authority().host()).matches()) {
            return null; // a relative reference then
        }
        return in.scheme() + "://" + in.authority();
    }

    /** A set whose {@code contains} ignores case without lower-casing (and allocating) each header name. */
    static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
