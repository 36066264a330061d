package io.safetyhub.gateway.route;

import java.net.URI;
import java.util.Locale;

/**
 * A service behind the gateway.
 *
 * @param name     what errors, logs and metrics call it (e.g. {@code enterprise-service})
 * @param host     host to connect to
 * @param port     port to connect to
 * @param ssl      whether to speak TLS to it
 * @param basePath path prepended to the forwarded path ({@code ""} for the root)
 */
public record Upstream(String name, String host, int port, boolean ssl, String basePath) {

    /** Parses {@code name=http(s)://host[:port][/base]}; a malformed entry stops the gateway at startup. */
    public static Upstream parse(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException("gateway.upstreams entry '" + entry + "' is not name=baseUrl");
        }
        String name = entry.substring(0, eq).trim();
        URI uri;
        try {
            uri = URI.create(entry.substring(eq + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway.upstreams entry '" + entry + "' has an invalid URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("gateway.upstreams entry '" + entry + "' must be an http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("gateway.upstreams entry '" + entry + "' must not carry a query or fragment");
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Upstream(name, uri.getHost(), port, ssl, basePath);
    }

    /** The URL it is reached at, for messages and logs. */
    public String url() {
        return (ssl ? "https" : "http") + "://" + host + ":" + port + basePath;
    }
}
