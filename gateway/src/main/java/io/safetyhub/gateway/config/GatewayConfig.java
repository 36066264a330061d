package io.safetyhub.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * Every setting of the gateway. The route table and the route policy are plain lists so that a whole
 * table can be replaced by one property or one environment variable (a k8s ConfigMap, a test profile)
 * and so that each carries a real default: a map of entries cannot have one.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Services behind the gateway, {@code name=baseUrl}; the name is what errors and metrics show. */
    @WithDefault("enterprise-service=http://127.0.0.1:8081,"
            + "device-adapter=http://127.0.0.1:8082,"
            + "warning-service=http://127.0.0.1:8083,"
            + "training-service=http://127.0.0.1:8084")
    List<String> upstreams();

    /**
     * Route table, {@code pathPrefix=upstreamName}. The longest matching prefix wins; a prefix matches
     * itself and everything below it ({@code /api/alarms} matches {@code /api/alarms/42}, never
     * {@code /api/alarmsX}). A path under {@code /api} that no prefix matches is 404.
     */
    @WithDefault("/api/enterprises=enterprise-service,"
            + "/api/hazards=enterprise-service,"
            + "/api/commitments=enterprise-service,"
            + "/api/public=enterprise-service,"
            + "/api/devices=device-adapter,"
            + "/api/alarms=warning-service,"
            + "/api/rules=warning-service,"
            + "/api/readings=warning-service,"
            + "/api/warnings=warning-service,"
            + "/api/stats=warning-service,"
            + "/api/personnel=training-service,"
            + "/api/certificates=training-service,"
            + "/api/training-records=training-service,"
            + "/api/activities=training-service")
    List<String> routes();

    /**
     * Route policy, {@code pathPrefix METHODS ROLES} with {@code |} between alternatives, {@code *} for
     * GET, HEAD, POST, PUT, PATCH and DELETE, and {@code ANONYMOUS} (only under {@code /api/public}) for
     * no token at all. The longest prefix that has any entry decides; a method it does not list is 403,
     * so is a routed path without an entry (deny by default).
     */
    @WithDefault("/api/public GET|HEAD ANONYMOUS,"
            + "/api/enterprises GET|HEAD regulator|enterprise|operator,"
            + "/api/enterprises POST|PUT|PATCH|DELETE regulator|enterprise|operator,"
            + "/api/hazards * regulator|enterprise|operator,"
            + "/api/commitments * regulator|enterprise|operator,"
            + "/api/devices GET|HEAD regulator|enterprise|operator,"
            + "/api/devices POST|PUT|PATCH|DELETE operator,"
            + "/api/alarms * regulator|enterprise|operator,"
            + "/api/rules GET|HEAD regulator|enterprise|operator,"
            + "/api/rules POST|PUT|PATCH|DELETE regulator|enterprise|operator,"
            + "/api/readings GET|HEAD regulator|enterprise|operator,"
            + "/api/warnings GET|HEAD regulator|enterprise|operator,"
            + "/api/warnings POST|PUT|PATCH|DELETE regulator|enterprise|operator,"
            + "/api/stats GET|HEAD regulator|enterprise|operator,"
            + "/api/personnel * regulator|enterprise|operator,"
            + "/api/certificates * regulator|enterprise|operator,"
            + "/api/training-records * regulator|enterprise|operator,"
            + "/api/activities * regulator|enterprise|operator")
    List<String> policy();

    /** How requests are forwarded. */
    Proxy proxy();

    /** Headers the gateway puts on every response it sends. */
    Headers headers();

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
    }
}
