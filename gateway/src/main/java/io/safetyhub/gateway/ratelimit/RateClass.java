package io.safetyhub.gateway.ratelimit;

import io.safetyhub.gateway.route.PathPrefix;

/**
 * A route class of the rate limits: the paths at or below {@code prefix} share one bucket per client.
 *
 * @param name      shown in the 429 detail and in logs
 * @param prefix    path prefix
 * @param burst     requests a client may make at once
 * @param perSecond sustained requests per second
 */
public record RateClass(String name, String prefix, double burst, double perSecond) {

    /** Parses {@code name pathPrefix burst perSecond}, e.g. {@code public /api/public 60 10}. */
    public static RateClass parse(String entry) {
        String[] parts = entry.trim().split("\\s+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("gateway.rate-limit.classes entry '" + entry
                    + "' is not 'name pathPrefix burst perSecond'");
        }
        // Unlike routes and policy lines, a class may cover the whole API or a path outside it (the console's
        // token relay): it only counts requests.
        String prefix = PathPrefix.validateLiteral(parts[1], "gateway.rate-limit.classes");
        double burst;
        double perSecond;
        try {
            burst = Double.parseDouble(parts[2]);
            perSecond = Double.parseDouble(parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gateway.rate-limit.classes entry '" + entry + "' has a non-numeric rate", e);
        }
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("gateway.rate-limit.classes entry '" + entry
                    + "' needs burst >= 1 and perSecond > 0");
        }
        return new RateClass(parts[0], prefix, burst, perSecond);
    }

    boolean covers(String path) {
        return PathPrefix.covers(prefix, path);
    }
}
