package io.safetyhub.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the gateway. The route table and the route policy are plain lists so that a whole
 * table can be replaced by one property or one environment variable (a k8s ConfigMap, a test profile).
 * Their defaults, the tables a laptop stack runs with, are in {@code application.properties}: as Java string
 * concatenations they made this file unreadable.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Services behind the gateway, {@code name=baseUrl}; the name is what errors and metrics show. */
    List<String> upstreams();

    /**
     * Route table, {@code pathPrefix=upstreamName}. The longest matching prefix wins; a prefix matches
     * itself and everything below it ({@code /api/alarms} matches {@code /api/alarms/42}, never
     * {@code /api/alarmsX}). A path under {@code /api} that no prefix matches is 404.
     */
    List<String> routes();

    /**
     * Route policy, {@code pathPrefix METHODS ROLES} with {@code |} between alternatives, {@code *} for
     * GET, HEAD, POST, PUT, PATCH and DELETE, and {@code ANONYMOUS} (only under {@code /api/public}) for
     * no token at all. The longest prefix that has any entry decides; a method it does not list is 403,
     * so is a routed path without an entry (deny by default).
     */
    List<String> policy();

    /** What a request may look like at all, checked before any route sees it. */
    Http http();

    /** How requests are forwarded. */
    Proxy proxy();

    /** Headers the gateway puts on every response it sends. */
    Headers headers();

    /** Identities of tokens already verified, so that a token seen again is not verified again. */
    TokenCache tokenCache();

    /** Per-client token buckets. */
    RateLimit rateLimit();

    /** Cross-origin access for browsers on other origins than the gateway's own. */
    Cors cors();

    /** The live alarm stream at {@code /api/alarms/stream}. */
    AlarmStream alarmStream();

    /** The services' OpenAPI documents merged into one. */
    OpenApi openapi();

    interface Http {
        /**
         * Longest request URI (path and query) served; a longer one is 414 problem+json. Netty's own limit on the
         * request line ({@code quarkus.http.limits.max-initial-line-length}) is set above it, so that the gateway
         * answers rather than Netty's bare 414.
         */
        @WithDefault("4096")
        int maxUriLength();

        /**
         * Largest total size of the request headers; larger is 431 problem+json. Netty's own limit
         * ({@code quarkus.http.limits.max-header-size}) is set above it for the same reason.
         */
        @WithDefault("20K")
        MemorySize maxHeaderSize();
    }

    interface Proxy {
        /** Longest wait for an upstream to start answering before the caller gets 504. */
        @WithDefault("10s")
        Duration timeout();

        /** Longest wait for a TCP connection to an upstream before the caller gets 503. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Largest request body forwarded; a larger one is refused with 413 before any upstream sees it. */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** Pooled connections kept per upstream (HTTP/1.1 keep-alive). */
        @WithDefault("64")
        int maxConnectionsPerUpstream();

        /**
         * How long a pooled connection may sit idle before the gateway closes it; below the upstreams' own idle limits
         * (30 s is common), so that the gateway rarely reuses a connection the upstream is closing. A GET or HEAD
         * that meets such a close anyway is sent once more on a fresh connection.
         */
        @WithDefault("20s")
        Duration keepAliveTimeout();

        /** File uploads: the only requests relayed as multipart, and streamed rather than read whole. */
        Uploads uploads();
    }

    interface Uploads {
        /**
         * Paths where a {@code multipart/form-data} request is relayed ({@code *} stands for exactly one path
         * segment); multipart anywhere else is 415. The body is streamed to the service as it arrives, never
         * held whole in the gateway; a declared {@code Content-Length} over the limit below is 413 before a byte is
         * read, a chunked body is counted and cut off with 413 when it passes the limit.
         */
        @WithDefault("/api/enforcement/inspections/*/evidence")
        List<String> paths();

        /**
         * Largest upload (one file plus the multipart envelope), 413 beyond; it matches the service's own
         * {@code quarkus.http.limits.max-body-size}, so that the service names the field at fault for a file
         * over its own limit (e.g. enforcement's 10 MiB evidence).
         */
        @WithDefault("11M")
        MemorySize maxBodySize();
    }

    interface TokenCache {
        /** Most identities remembered (least used go first); 0 verifies every token on every request. */
        @WithDefault("10000")
        int maxEntries();

        /**
         * Longest time an identity is trusted without verifying its token again (never beyond the token's own
         * {@code exp}): a realm key rotation, a disabled user or a revoked session is honoured within this time.
         */
        @WithDefault("60s")
        Duration maxAge();
    }

    interface Headers {
        /**
         * Content-Security-Policy of API responses: JSON needs no script, style, frame or form, so
         * nothing is allowed. The console, when served here, gets its own policy.
         */
        @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String contentSecurityPolicy();

        /** Referrer-Policy: no URL (which may carry ids) leaks to another site. */
        @WithDefault("no-referrer")
        String referrerPolicy();

        /** X-Frame-Options for browsers that predate CSP frame-ancestors. */
        @WithDefault("DENY")
        String frameOptions();

        /**
         * Content-Security-Policy of pages (the console served at {@code /}): its scripts, styles, images
         * and fetches from this origin only (Keycloak is reached through the gateway's token relay).
         */
        @WithDefault("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; manifest-src 'self'; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action 'self'")
        String pageContentSecurityPolicy();

        /** Content-Security-Policy of {@code /q/swagger-ui}, whose page boots from an inline script. */
        @WithDefault("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'")
        String swaggerUiContentSecurityPolicy();
    }

    interface RateLimit {
        /** Off only for load tests of the upstreams themselves. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Route classes, {@code name pathPrefix burst perSecond}: each client (the token's {@code sub},
         * else {@code azp}, else the remote address, which is the forwarded client's behind a trusted proxy,
         * see {@code quarkus.http.proxy.trusted-proxies}) has one bucket per class holding {@code burst}
         * requests and refilled at {@code perSecond}. The longest prefix decides; a path under no class
         * is not limited. {@code /console/token} (the console's token relay) is limited by address. Public reports
         * (filing, following, adding with code and secret) get 10 at once and one per 10 s per address: enough for a
         * person, too slow to guess secrets or flood the handlers (the service adds its per-day limits).
         */
        @WithDefault("api /api 200 50,"
                + "public /api/public 60 10,"
                + "reports /api/public/reports 10 0.1,"
                + "stream /api/alarms/stream 10 0.2,"
                + "console-token /console/token 20 0.5")
        List<String> classes();

        /** A bucket untouched this long is full again and is forgotten, which bounds memory. */
        @WithDefault("10m")
        Duration idleEviction();
    }

    interface Cors {
        /**
         * Origins allowed to call the API from a browser, exactly as the browser sends them
         * ({@code https://console.example.cn}); unset means none, the default, because the console is
         * same-origin. A wildcard is refused at startup: the API carries tenant data.
         */
        Optional<List<String>> origins();

        /** How long a browser may cache a preflight answer. */
        @WithDefault("10m")
        Duration maxAge();
    }

    interface AlarmStream {
        /** Events kept for replay after a reconnect, at most this many... */
        @WithDefault("10000")
        int replaySize();

        /** ...and at most this old (Kafka record time); also how far back a fresh gateway re-reads. */
        @WithDefault("1h")
        Duration replayWindow();

        /** Comment line sent to every client this often, so proxies and browsers keep the stream open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Tolerance of record time between partitions when replaying, so that nothing is missed. */
        @WithDefault("5s")
        Duration partitionSkew();
    }

    interface OpenApi {
        /** Longest wait for one service's document. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** How often the documents are fetched again (a service's last good copy is kept meanwhile). */
        @WithDefault("60s")
        Duration refresh();

        /** Title of the merged document. */
        @WithDefault("SafetyHub API")
        String title();
    }
}
