package io.safetyhub.gateway.console;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.safetyhub.gateway.error.Problems;
import io.safetyhub.gateway.ratelimit.ClientKeys;
import io.safetyhub.gateway.ratelimit.RateLimiter;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Set;

/**
 * What the web console (module {@code console}, static files served from its jar at {@code /}) needs from
 * the gateway:
 * <ul>
 *   <li>{@code GET /console-config.json}: the Keycloak endpoints and the public client the browser must use,
 *       taken from Keycloak's discovery document (fetched once through {@code quarkus.oidc.auth-server-url}).
 *       Keycloak announces its public hostname there, so a gateway that reaches Keycloak by an in-cluster
 *       address still sends browsers to the address they can reach, and their tokens carry exactly the issuer the
 *       services accept (Quarkus OIDC checks {@code iss} against the same document).</li>
 *   <li>{@code POST /console/token}: a same-origin relay of the authorization-code and refresh-token grants of
 *       the public client {@code safetyhub-console} to Keycloak's token endpoint. Keycloak matches web origins
 *       exactly (no port wildcard), so a console on any port other than a listed one could not call the
 *       token endpoint cross-origin; relaying keeps Keycloak's CORS list tight and every fetch of the console
 *       same-origin. Other grants and clients are refused, so this is no password-grant door. Each address
 *       draws from the {@code console-token} rate class ({@code gateway.rate-limit.classes}) before anything is
 *       read, so the relay cannot be used to hammer Keycloak.</li>
 *   <li>{@code Cache-Control: no-cache} on the console's files. Quarkus marks static files immutable for a
 *       day, but the console's files keep their names across releases, so browsers must revalidate them
 *       (Last-Modified). Done in a headers-end handler because the static handler sets its header only as
 *       it answers. WebJars under {@code /webjars/} (ECharts, its Chongqing map) keep Quarkus' immutable day:
 *       their paths change with their versions.</li>
 * </ul>
 */
@ApplicationScoped
public class ConsoleRoutes {
    /** The realm's public client with authorization code + PKCE (S256). */
    static final String CLIENT_ID = "safetyhub-console";
    public static final String CONFIG_PATH = "/console-config.json";
    public static final String TOKEN_PATH = "/console/token";
    static final String WEBJARS = "/webjars/";
    private static final Set<String> RELAYED_GRANTS = Set.of("authorization_code", "refresh_token");
    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(ConsoleRoutes.class);

    private final String issuer;
    private final Vertx vertx;
    private final RateLimiter limiter;
    private WebClient client;
    /** The browser's view of Keycloak, from its discovery document; fetched again after a failure. */
    private volatile JsonObject consoleConfig;

    public ConsoleRoutes(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer, Vertx vertx,
                         RateLimiter limiter) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.vertx = vertx;
        this.limiter = limiter;
    }

    void register(@Observes Router router) {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(TIMEOUT_MILLIS));
        // After the edge handlers (request id, size and URI checks), before the static files are served.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::revalidateConsoleFiles);
        router.get(CONFIG_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::config);
        router.route(CONFIG_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1)
                .handler(ctx -> Problems.methodNotAllowed(ctx, "GET"));
        // Its own route: Vert.x allows a body handler only ahead of user handlers on one route.
        router.post(TOKEN_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).handler(this::limitRate);
        router.post(TOKEN_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
                .handler(this::relayToken);
        router.route(TOKEN_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1)
                .handler(ctx -> Problems.methodNotAllowed(ctx, "POST"));
    }

    /** Keyed by address: the relay is used before the console holds a token, and refreshes carry none. */
    private void limitRate(RoutingContext ctx) {
        limiter.take(ClientKeys.address(ctx.request()), TOKEN_PATH).ifPresentOrElse(refusal -> {
            ctx.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(ctx, 429, "RATE_LIMITED", "too many token requests; retry after "
                    + refusal.retryAfterSeconds() + " s");
        }, ctx::next);
    }

    private void revalidateConsoleFiles(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        // WebJars (ECharts, the Chongqing map) carry their version in the path: immutable is right for them.
        if (!path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/") && !path.startsWith(WEBJARS)) {
            ctx.addHeadersEndHandler(v -> {
                MultiMap headers = ctx.response().headers();
                String cache = headers.get(HttpHeaders.CACHE_CONTROL);
                if (cache != null && cache.contains("immutable")) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
                }
            });
        }
        ctx.next();
    }

    private void config(RoutingContext ctx) {
        JsonObject known = consoleConfig;
        if (known != null) {
            sendConfig(ctx, known);
            return;
        }
        String discovery = issuer + "/.well-known/openid-configuration";
        client.getAbs(discovery).timeout(TIMEOUT_MILLIS).send(result -> {
            JsonObject document = result.succeeded() && result.result().statusCode() == 200
                    ? parse(result.result().bodyAsString()) : null;
            if (document == null || document.getString("issuer") == null
                    || document.getString("authorization_endpoint") == null) {
                LOG.warnf("console config: Keycloak's discovery document at %s is not available (%s); the console "
                        + "cannot sign in until it is", discovery, result.succeeded()
                        ? "HTTP " + result.result().statusCode() : result.cause().toString());
                Problems.send(ctx, 503, "IDENTITY_PROVIDER_UNAVAILABLE", "Keycloak's discovery document is not available");
                return;
            }
            consoleConfig = browserView(document);
            sendConfig(ctx, consoleConfig);
        });
    }

    /** What the console needs of the discovery document; the token endpoint is this gateway's relay. */
    static JsonObject browserView(JsonObject discovery) {
        String issuer = discovery.getString("issuer");
        return new JsonObject()
                .put("issuer", issuer)
                .put("clientId", CLIENT_ID)
                .put("authorizationEndpoint", discovery.getString("authorization_endpoint"))
                .put("endSessionEndpoint", discovery.getString("end_session_endpoint",
                        issuer + "/protocol/openid-connect/logout"))
                .put("tokenEndpoint", TOKEN_PATH);
    }

    private static JsonObject parse(String body) {
        try {
            return body == null ? null : new JsonObject(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static void sendConfig(RoutingContext ctx, JsonObject body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }

    private void relayToken(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            Problems.send(ctx, 415, "FORM_EXPECTED", "the token request must be application/x-www-form-urlencoded");
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            Problems.send(ctx, 400, "CLIENT_NOT_RELAYED", "only the console's client " + CLIENT_ID + " is relayed");
            return;
        }
        String grant = form.get("grant_type");
        if (grant == null || !RELAYED_GRANTS.contains(grant)) {
            Problems.send(ctx, 400, "GRANT_NOT_RELAYED", "only authorization_code and refresh_token grants are relayed");
            return;
        }
        URI tokenUri = URI.create(issuer + "/protocol/openid-connect/token");
        client.postAbs(tokenUri.toString())
                .timeout(TIMEOUT_MILLIS)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/x-www-form-urlencoded")
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .sendBuffer(ctx.body().buffer(), result -> {
                    if (result.failed()) {
                        LOG.warnf("token relay to %s failed: %s", tokenUri, result.cause().toString());
                        Problems.send(ctx, 503, "IDENTITY_PROVIDER_UNAVAILABLE", "Keycloak did not answer the token request");
                        return;
                    }
                    answer(ctx, result.result());
                });
    }

    private static void answer(RoutingContext ctx, HttpResponse<Buffer> upstream) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE.toString());
        ctx.response().setStatusCode(upstream.statusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, type != null ? type : "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(upstream.bodyAsBuffer() != null ? upstream.bodyAsBuffer() : Buffer.buffer());
    }
}
