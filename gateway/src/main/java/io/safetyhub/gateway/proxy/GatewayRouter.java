package io.safetyhub.gateway.proxy;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.safetyhub.gateway.alarmstream.AlarmFeed;
import io.safetyhub.gateway.alarmstream.AlarmStreamHandler;
import io.safetyhub.gateway.alarmstream.StreamTokenHandler;
import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.console.ConsoleRoutes;
import io.safetyhub.gateway.error.FailureHandler;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.http.CorsHandler;
import io.safetyhub.gateway.http.EdgeHeadersHandler;
import io.safetyhub.gateway.http.HttpLimits;
import io.safetyhub.gateway.http.MetricUris;
import io.safetyhub.gateway.openapi.OpenApiAggregator;
import io.safetyhub.gateway.openapi.OpenApiHandler;
import io.safetyhub.gateway.ratelimit.RateLimiter;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.route.UploadPaths;
import io.safetyhub.gateway.security.RoutePolicy;
import io.safetyhub.gateway.security.VerifiedTokens;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Set;

/**
 * Wires the gateway into Quarkus' router. Order matters: edge headers first (every response gets them), the
 * request's size limits, CORS (preflights end there), then for {@code /api/*} the access decision, and after
 * it either the alarm stream (served here), the upload streamer, or the bounded body reader and the forwarder. The merged OpenAPI
 * document takes {@code /q/openapi}. A last-resort route turns any path nothing else served (static console
 * files included, which Quarkus serves before it) into a problem+json 404, and the router's error handlers do
 * the same for what Vert.x refuses before any route runs (a path or query it cannot decode).
 */
@ApplicationScoped
public class GatewayRouter {
    /** After Quarkus' access log and timing handlers, before its security, upload limit and body handling. */
    private static final int EDGE_ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER;
    private static final int ACCESS_ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
    /** Behind everything else, REST endpoints, static resources and management routes included. */
    private static final int FALLBACK_ORDER = RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1_000;
    /** Statuses Vert.x may answer on its own before or without a route; each becomes problem+json. */
    private static final List<Integer> ROUTER_ERRORS = List.of(400, 404, 405, 413, 414, 431, 500);

    private final GatewayConfig config;
    private final RouteTable routes;
    private final RoutePolicy policy;
    private final ForwardHandler forwarder;
    private final RateLimiter limiter;
    private final AlarmFeed alarms;
    private final OpenApiAggregator openApi;
    private final UploadPaths uploads;
    private final VerifiedTokens verifiedTokens;

    public GatewayRouter(GatewayConfig config, RouteTable routes, RoutePolicy policy, ForwardHandler forwarder,
                         RateLimiter limiter, AlarmFeed alarms, OpenApiAggregator openApi, UploadPaths uploads,
                         VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
        this.config = config;
        this.routes = routes;
        this.policy = policy;
        this.forwarder = forwarder;
        this.limiter = limiter;
        this.alarms = alarms;
        this.openApi = openApi;
        this.uploads = uploads;
    }

    void register(@Observes Router router) {
        FailureHandler failures = new FailureHandler();
        MetricUris metricUris = new MetricUris(routes, Set.of(AlarmStreamHandler.PATH, OpenApiHandler.PATH,
                ConsoleRoutes.CONFIG_PATH, ConsoleRoutes.TOKEN_PATH));
        EdgeHeadersHandler edge = new EdgeHeadersHandler(config.headers(), metricUris);
        router.route().order(EDGE_ORDER).handler(edge);
        router.route().order(EDGE_ORDER + 1).handler(new HttpLimits(config, uploads));
        router.route().order(EDGE_ORDER + 2).handler(new CorsHandler(config.cors()));
        router.route(HttpMethod.GET, AlarmStreamHandler.PATH).order(ACCESS_ORDER - 1).handler(new StreamTokenHandler());
        router.route("/api/*").order(ACCESS_ORDER)
                .handler(new AccessHandler(routes, policy, limiter, uploads, verifiedTokens))
                .failureHandler(failures);
        router.route(HttpMethod.GET, AlarmStreamHandler.PATH).order(ACCESS_ORDER + 1)
                .handler(new AlarmStreamHandler(alarms))
                .failureHandler(failures);
        // An admitted upload is streamed to its service as it arrives; everything else goes on to the body reader.
        long maxUploadBytes = config.proxy().uploads().maxBodySize().asLongValue();
        router.route("/api/*").order(ACCESS_ORDER + 2)
                .handler(ctx -> {
                    if (Boolean.TRUE.equals(ctx.get(AccessHandler.UPLOAD_KEY))) {
                        forwarder.stream(ctx, maxUploadBytes);
                    } else {
                        ctx.next();
                    }
                })
                .failureHandler(failures);
        // A separate route because Vert.x allows a body handler only ahead of user handlers on one route.
        router.route("/api/*").order(ACCESS_ORDER + 3)
                // No file uploads or form merging: the body is relayed byte for byte.
                .handler(BodyHandler.create(false)
                        .setBodyLimit(config.proxy().maxBodySize().asLongValue())
                        .setMergeFormAttributes(false))
                .handler(forwarder)
                .failureHandler(failures);
        router.route(HttpMethod.GET, OpenApiHandler.PATH).order(ACCESS_ORDER)
                .handler(new OpenApiHandler(openApi))
                .failureHandler(failures);
        router.route(OpenApiHandler.PATH).order(ACCESS_ORDER + 1).handler(ctx -> Problems.methodNotAllowed(ctx, "GET"));
        router.route().order(FALLBACK_ORDER)
                .handler(ctx -> Problems.send(ctx, 404, "NOT_FOUND", "nothing is served at " + ctx.normalizedPath()))
                .failureHandler(failures);
        for (int status : ROUTER_ERRORS) {
            router.errorHandler(status, ctx -> {
                edge.stamp(ctx);
                failures.handle(ctx);
            });
        }
    }
}
