package io.safetyhub.gateway.route;

/** Path-prefix rules shared by the route table and the route policy, so that both agree on "below". */
public final class PathPrefix {

    private PathPrefix() {
    }

    /** {@code /api/alarms} covers {@code /api/alarms} and {@code /api/alarms/1}, not {@code /api/alarmsX}. */
    public static boolean covers(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    /** Checks a configured prefix: absolute, under {@code /api}, no wildcard, no trailing slash. */
    public static String validate(String prefix, String setting) {
        if (!prefix.startsWith("/api/") || !isLiteral(prefix)) {
            throw new IllegalArgumentException(setting + ": '" + prefix
                    + "' must be a literal path under /api/ without a trailing slash or wildcard");
        }
        return prefix;
    }

    /** Checks a configured prefix that may lie anywhere: absolute, no wildcard, no trailing slash, no dot segment. */
    public static String validateLiteral(String prefix, String setting) {
        if (!prefix.startsWith("/") || prefix.length() < 2 || !isLiteral(prefix)) {
            throw new IllegalArgumentException(setting + ": '" + prefix
                    + "' must be a literal absolute path without a trailing slash or wildcard");
        }
        return prefix;
    }

    private static boolean isLiteral(String prefix) {
        return !prefix.endsWith("/") && !prefix.contains("*") && !prefix.contains("//")
                && !prefix.contains("/../") && !prefix.contains("/./") && !prefix.endsWith("/..")
                && !prefix.endsWith("/.");
    }
}
