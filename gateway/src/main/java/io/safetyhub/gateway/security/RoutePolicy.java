package io.safetyhub.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.gateway.route.PathPrefix;
import io.safetyhub.gateway.route.RouteTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Role checks at the door, deny by default. The most specific prefix that has any rule decides alone:
 * a narrower entry is never widened by a broader one, so tightening a sub-tree is one line.
 */
public final class RoutePolicy {
    private final List<PolicyRule> rules;

    private RoutePolicy(List<PolicyRule> rules) {
        this.rules = rules;
    }

    /** Builds the policy; a rule for a prefix the route table does not serve is a mistake and throws. */
    public static RoutePolicy of(List<String> entries, RouteTable routes) {
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : entries) {
            PolicyRule rule = PolicyRule.parse(entry);
            if (routes.resolve(rule.prefix()).isEmpty()) {
                throw new IllegalArgumentException("gateway.policy entry '" + entry + "' is for a path no route serves");
            }
            for (String method : rule.methods()) {
                if (!seen.add(rule.prefix() + " " + method)) {
                    throw new IllegalArgumentException("gateway.policy gives " + method + " " + rule.prefix() + " twice");
                }
            }
            rules.add(rule);
        }
        // Longest first, and the entries of one prefix next to each other: the first covering prefix decides.
        rules.sort(Comparator.comparingInt((PolicyRule r) -> r.prefix().length()).reversed()
                .thenComparing(PolicyRule::prefix));
        return new RoutePolicy(List.copyOf(rules));
    }

    /** The rule that governs {@code method} on {@code path}, or empty when the request is denied outright. */
    public Optional<PolicyRule> ruleFor(String path, String method) {
        String decidingPrefix = null;
        for (PolicyRule rule : rules) {
            if (decidingPrefix != null && !rule.prefix().equals(decidingPrefix)) {
                break;
            }
            if (PathPrefix.covers(rule.prefix(), path)) {
                decidingPrefix = rule.prefix();
                if (rule.methods().contains(method)) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    /** Decides for a resolved caller: anonymous only where the rule says so, else one of its roles. */
    public static Access decide(PolicyRule rule, SecurityIdentity identity) {
        if (rule.anonymous()) {
            return Access.ALLOWED;
        }
        if (identity == null || identity.isAnonymous()) {
            return Access.UNAUTHENTICATED;
        }
        for (String role : rule.roles()) {
            if (identity.hasRole(role)) {
                return Access.ALLOWED;
            }
        }
        return Access.FORBIDDEN;
    }

    /** All rules, longest prefix first. */
    public List<PolicyRule> rules() {
        return rules;
    }
}
