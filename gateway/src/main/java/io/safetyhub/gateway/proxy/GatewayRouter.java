package io.safetyhub.gateway.proxy;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.error.FailureHandler;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.http.EdgeHeadersHandler;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.security.RoutePolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wires the gateway into Quarkus' router. Order matters: edge headers first (every response gets them),
 * then for {@code /api/*} the access decision, the bounded body reader and the forwarder; a last-resort
 * route turns any path nothing else served into a problem+json 404.
 */
@ApplicationScoped
public class GatewayRouter {
    /** After Quarkus' access log and timing handlers, before its security and body handling. */
    private static final int EDGE_ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER;
    /** Behind everything else, REST endpoints and management routes included. */
    private static final int FALLBACK_ORDER = RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1_000;

    private final GatewayConfig config;
    private final RouteTable routes;
    private final RoutePolicy policy;
    private final ForwardHandler forwarder;

    public GatewayRouter(GatewayConfig config, RouteTable routes, RoutePolicy policy, ForwardHandler forwarder) {
        this.config = config;
        this.routes = routes;
        this.policy = policy;
        this.forwarder = forwarder;
    }

    void register(@Observes Router router) {
        FailureHandler failures = new FailureHandler();
        router.route().order(EDGE_ORDER).handler(new EdgeHeadersHandler(config.headers()));
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(new AccessHandler(routes, policy))
                .failureHandler(failures);
        // A second route because Vert.x allows a body handler only ahead of user handlers on one route.
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1)
                // No file uploads or form merging: the body is relayed byte for byte.
                .handler(BodyHandler.create(false)
                        .setBodyLimit(config.proxy().maxBodySize().asLongValue())
                        .setMergeFormAttributes(false))
                .handler(forwarder)
                .failureHandler(failures);
        router.route().order(FALLBACK_ORDER)
                .handler(ctx -> Problems.send(ctx, 404, "NOT_FOUND", "nothing is served at " + ctx.normalizedPath()))
                .failureHandler(failures);
    }
}
