package io.safetyhub.gateway.http;

import io.safetyhub.gateway.route.RouteTable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code uri} tag of the HTTP server metrics, bounded: the route a path matched, never the path itself,
 * which holds enterprise, alarm and device ids (unbounded series, and ids in a place the cluster scrapes). Quarkus'
 * Micrometer binder takes the template from the request context's {@code UrlPathTemplate} local, the same key
 * Quarkus REST sets for its resources.
 */
public final class MetricUris {
    /** The context-local key Quarkus' HTTP server metrics read the route template from. */
    static final String TEMPLATE_KEY = "UrlPathTemplate";
    static final String API_OTHER = "/api/*";
    static final String CONSOLE = "/*";

    private final RouteTable routes;
    private final Set<String> exactPaths;

    /**
     * @param routes     the route table: a path under a route is tagged {@code <prefix>/*}
     * @param exactPaths paths the gateway serves itself, tagged as they are (the alarm stream, the console's
     *                   config and token relay, the merged OpenAPI document)
     */
    public MetricUris(RouteTable routes, Set<String> exactPaths) {
        this.routes = routes;
        this.exactPaths = Set.copyOf(exactPaths);
    }

    /** The tag for a normalised path; empty for {@code /q/*}, which Quarkus keeps out of these metrics itself. */
    public Optional<String> templateOf(String path) {
        if (exactPaths.contains(path)) {
            return Optional.of(path);
        }
        if (path.equals("/q") || path.startsWith("/q/")) {
            return Optional.empty();
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Optional.of(routes.resolve(path)
                    .map(route -> path.equals(route.prefix()) ? route.prefix() : route.prefix() + "/*")
                    .orElse(API_OTHER));
        }
        // The console's files and anything else outside the API: one series.
        return Optional.of(CONSOLE);
    }

    /** Tags the exchange running on the current (request) context. */
    void tag(String path) {
        Context context = Vertx.currentContext();
        if (context != null) {
            templateOf(path).ifPresent(template -> context.putLocal(TEMPLATE_KEY, template));
        }
    }
}
