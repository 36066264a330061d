package io.safetyhub.gateway.security;

import io.safetyhub.gateway.route.PathPrefix;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One line of the route policy: who may call which methods at or below a path prefix.
 *
 * @param prefix  path prefix, e.g. {@code /api/alarms}
 * @param methods HTTP methods in upper case
 * @param roles   realm roles of which the caller needs one; empty when {@code anonymous}
 * @param anonymous true when no token is needed at all
 */
public record PolicyRule(String prefix, Set<String> methods, Set<String> roles, boolean anonymous) {
    /** The only tree where a caller without a token is let through. */
    public static final String PUBLIC_PREFIX = "/api/public";
    public static final String ANONYMOUS = "ANONYMOUS";
    private static final Set<String> ANY_METHOD = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** Parses {@code prefix METHODS ROLES}, e.g. {@code /api/rules POST|PUT regulator|operator}. */
    public static PolicyRule parse(String entry) {
        String[] parts = entry.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("gateway.policy entry '" + entry + "' is not 'pathPrefix METHODS ROLES'");
        }
        String prefix = PathPrefix.validate(parts[0], "gateway.policy");
        Set<String> methods = parts[1].equals("*") ? ANY_METHOD : split(parts[1].toUpperCase(Locale.ROOT));
        for (String method : methods) {
            if (!ANY_METHOD.contains(method) && !method.equals("OPTIONS")) {
                throw new IllegalArgumentException("gateway.policy entry '" + entry + "' names the unsupported method " + method);
            }
        }
        Set<String> roles = split(parts[2]);
        boolean anonymous = roles.contains(ANONYMOUS);
        if (anonymous && roles.size() > 1) {
            throw new IllegalArgumentException("gateway.policy entry '" + entry + "' mixes ANONYMOUS with roles");
        }
        if (anonymous && !PathPrefix.covers(PUBLIC_PREFIX, prefix)) {
            // A typo in configuration must not open a protected tree to the internet.
            throw new IllegalArgumentException("gateway.policy entry '" + entry + "': ANONYMOUS is allowed only under "
                    + PUBLIC_PREFIX);
        }
        return new PolicyRule(prefix, methods, anonymous ? Set.of() : roles, anonymous);
    }

    private static Set<String> split(String alternatives) {
        Set<String> values = new LinkedHashSet<>(Arrays.asList(alternatives.split("\\|")));
        values.removeIf(String::isBlank);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("gateway.policy: empty list in '" + alternatives + "'");
        }
        return Set.copyOf(values);
    }
}
