package io.safetyhub.gateway.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which upstream answers which path: the longest matching prefix wins. Immutable once built. */
public final class RouteTable {
    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes;
    }

    /**
     * Builds the table from {@code gateway.upstreams} and {@code gateway.routes}; throws on a duplicate
     * or malformed entry or a route to an unknown upstream, so that a bad table stops the gateway.
     */
    public static RouteTable of(List<String> upstreamEntries, List<String> routeEntries) {
        Map<String, Upstream> upstreams = new HashMap<>();
        for (String entry : upstreamEntries) {
            Upstream upstream = Upstream.parse(entry);
            if (upstreams.put(upstream.name(), upstream) != null) {
                throw new IllegalArgumentException("gateway.upstreams names '" + upstream.name() + "' twice");
            }
        }
        List<Route> routes = new ArrayList<>();
        Set<String> prefixes = new HashSet<>();
        for (String entry : routeEntries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("gateway.routes entry '" + entry + "' is not pathPrefix=upstreamName");
            }
            String prefix = PathPrefix.validate(entry.substring(0, eq).trim(), "gateway.routes");
            Upstream upstream = upstreams.get(entry.substring(eq + 1).trim());
            if (upstream == null) {
                throw new IllegalArgumentException("gateway.routes entry '" + entry + "' names an upstream that "
                        + "gateway.upstreams does not define");
            }
            if (!prefixes.add(prefix)) {
                throw new IllegalArgumentException("gateway.routes lists '" + prefix + "' twice");
            }
            routes.add(new Route(prefix, upstream));
        }
        // Longest first, so that the first match is the most specific one.
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return new RouteTable(List.copyOf(routes));
    }

    /** The route answering {@code path} (already normalised), if any. */
    public Optional<Route> resolve(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** All routes, longest prefix first. */
    public List<Route> routes() {
        return routes;
    }
}
