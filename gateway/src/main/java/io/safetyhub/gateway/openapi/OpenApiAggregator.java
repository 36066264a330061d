package io.safetyhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.gateway.config.GatewayConfig;
import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.route.Upstream;
import io.safetyhub.gateway.security.RoutePolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches every upstream's {@code /q/openapi?format=json} and keeps the merged document. Fetching is lazy:
 * a request finding the merge older than {@code gateway.openapi.refresh} starts one round (requests
 * arriving meanwhile share it); a service that does not answer in time keeps its last good document.
 */
@ApplicationScoped
public class OpenApiAggregator {
    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);

    private final WebClient client;
    private final RouteTable routes;
    private final RoutePolicy policy;
    private final boolean rateLimited;
    private final GatewayConfig.OpenApi settings;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();
    private volatile ObjectNode merged;
    private volatile long mergedAtNanos;
    private Uni<ObjectNode> inFlight;

    public OpenApiAggregator(Vertx vertx, RouteTable routes, RoutePolicy policy, GatewayConfig config) {
        this.settings = config.openapi();
        this.routes = routes;
        this.policy = policy;
        this.rateLimited = config.rateLimit().enabled();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) settings.fetchTimeout().toMillis())
                .setUserAgent("safetyhub-gateway-openapi"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The merged document, fetched again first when older than the refresh period. */
    public synchronized Uni<ObjectNode> current() {
        ObjectNode cached = merged;
        if (cached != null && System.nanoTime() - mergedAtNanos < settings.refresh().toNanos()) {
            return Uni.createFrom().item(cached);
        }
        if (inFlight == null) {
            inFlight = refresh().onTermination().invoke(this::roundDone).memoize().indefinitely();
        }
        return inFlight;
    }

    private synchronized void roundDone() {
        inFlight = null;
    }

    private Uni<ObjectNode> refresh() {
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        for (Route route : routes.routes()) {
            upstreams.putIfAbsent(route.upstream().name(), route.upstream());
        }
        List<Uni<Boolean>> fetches = upstreams.values().stream().map(this::fetch).toList();
        return Uni.join().all(fetches).andFailFast().map(results -> {
            Set<String> unavailable = new TreeSet<>();
            int i = 0;
            for (Upstream upstream : upstreams.values()) {
                if (!results.get(i++) && !lastGood.containsKey(upstream.name())) {
                    unavailable.add(upstream.name());
                }
            }
            ObjectNode document = OpenApiMerger.merge(settings.title(), Map.copyOf(lastGood), unavailable, routes,
                    policy, rateLimited);
            merged = document;
            mergedAtNanos = System.nanoTime();
            return document;
        });
    }

    /** True when a fresh document was stored; failures are logged and leave the last good copy. */
    private Uni<Boolean> fetch(Upstream upstream) {
        return client.request(io.vertx.core.http.HttpMethod.GET, upstream.port(), upstream.host(),
                        upstream.basePath() + "/q/openapi?format=json")
                .ssl(upstream.ssl())
                .putHeader("Accept", "application/json")
                .timeout(settings.fetchTimeout().toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        LOG.infof("OpenAPI of %s not taken: status %d", upstream.name(), response.statusCode());
                        return false;
                    }
                    try {
                        JsonNode document = json.readTree(response.bodyAsString());
                        if (!document.isObject() || !document.has("openapi")) {
                            LOG.infof("OpenAPI of %s not taken: not an OpenAPI document", upstream.name());
                            return false;
                        }
                        lastGood.put(upstream.name(), document);
                        return true;
                    } catch (Exception e) {
                        LOG.infof("OpenAPI of %s not taken: %s", upstream.name(), e.getMessage());
                        return false;
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("OpenAPI of %s not reachable: %s", upstream.name(), failure.toString());
                    return false;
                });
    }
}
