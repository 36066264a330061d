package io.safetyhub.gateway.proxy;

import io.safetyhub.gateway.route.Route;
import io.safetyhub.gateway.route.RouteTable;
import io.safetyhub.gateway.route.Upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites {@code Location} and {@code Content-Location} answers that point at a service behind the gateway
 * (a service builds them from the Host it was called with, which is its internal address) so that they point
 * at the gateway's public origin instead, with the upstream's base path taken off. Anything else (a relative
 * reference, another site such as Keycloak) passes unchanged.
 */
final class LocationRewriter {
    private final List<Upstream> upstreams;

    LocationRewriter(RouteTable routes) {
        List<Upstream> distinct = new ArrayList<>();
        for (Route route : routes.routes()) {
            if (!distinct.contains(route.upstream())) {
                distinct.add(route.upstream());
            }
        }
        this.upstreams = List.copyOf(distinct);
    }

    /**
     * @param location     the header's value as the service sent it
     * @param publicOrigin {@code scheme://host[:port]} the caller used (after trusted forwarded headers), or null
     *                     when unknown: then the rewritten reference is relative, which RFC 9110 allows
     */
    String rewrite(String location, String publicOrigin) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return location;
        }
        for (Upstream upstream : upstreams) {
            if (pointsAt(uri, upstream)) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                if (!upstream.basePath().isEmpty() && path.startsWith(upstream.basePath() + "/")) {
                    path = path.substring(upstream.basePath().length());
                }
                String rest = (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
                return (publicOrigin == null ? "" : publicOrigin) + path + rest;
            }
        }
        return location;
    }

    private static boolean pointsAt(URI uri, Upstream upstream) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme.equals(upstream.ssl() ? "https" : "http")
                && uri.getHost().equalsIgnoreCase(upstream.host())
                && port == upstream.port();
    }
}
