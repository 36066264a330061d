package io.safetyhub.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.safetyhub.gateway.route.RouteTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutePolicyTest {
    private static final RouteTable ROUTES = RouteTable.of(List.of("svc=http://127.0.0.1:1"), List.of(
            "/api/public=svc", "/api/rules=svc", "/api/alarms=svc", "/api/stats=svc", "/api/devices=svc"));
    private static final RoutePolicy POLICY = RoutePolicy.of(List.of(
            "/api/public GET|HEAD ANONYMOUS",
            "/api/rules GET regulator|enterprise|operator",
            "/api/rules POST|PUT|DELETE regulator|operator",
            "/api/rules/defaults * operator",
            "/api/alarms * regulator|enterprise|operator",
            "/api/stats GET regulator"), ROUTES);

    @ParameterizedTest
    @CsvSource({
            "GET,    /api/public/enterprises, ANONYMOUS",
            "POST,   /api/public/reports,     DENIED",
            "GET,    /api/rules,              regulator|enterprise|operator",
            "PUT,    /api/rules/7,            regulator|operator",
            "PATCH,  /api/rules/7,            DENIED",
            "GET,    /api/rules/defaults,     operator",
            "DELETE, /api/rules/defaults/x,   operator",
            "DELETE, /api/alarms/1,           regulator|enterprise|operator",
            "POST,   /api/stats,              DENIED",
            "GET,    /api/devices,            DENIED",
    })
    void shouldApplyMostSpecificPrefixAndDenyByDefaultWhenLookingUpARule(String method, String path, String expected) {
        Set<String> actual = POLICY.ruleFor(path, method)
                .map(rule -> rule.anonymous() ? Set.of("ANONYMOUS") : rule.roles())
                .orElse(Set.of("DENIED"));
        assertEquals(Set.of(expected.split("\\|")), actual);
    }

    @Test
    void shouldRefuseStartupWhenAnonymousIsGrantedOutsidePublic() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoutePolicy.of(List.of("/api/alarms GET ANONYMOUS"), ROUTES));
        assertTrue(e.getMessage().contains("/api/public"));
    }

    @ParameterizedTest
    @CsvSource({"/api/nowhere GET operator", "/api/alarms GET", "/api/alarms TRACE operator",
            "/api/public GET ANONYMOUS|operator"})
    void shouldRefuseStartupWhenPolicyEntryIsInvalid(String entry) {
        assertThrows(IllegalArgumentException.class, () -> RoutePolicy.of(List.of(entry), ROUTES));
    }

    @Test
    void shouldRefuseStartupWhenMethodIsGrantedTwiceForOnePrefix() {
        assertThrows(IllegalArgumentException.class,
                () -> RoutePolicy.of(List.of("/api/alarms * operator", "/api/alarms GET regulator"), ROUTES));
    }

    @Test
    void shouldDecideByRoleWhenRuleNeedsOne() {
        PolicyRule rule = POLICY.ruleFor("/api/rules/7", "PUT").orElseThrow();
        assertEquals(Access.ALLOWED, RoutePolicy.decide(rule, identity("regulator")));
        assertEquals(Access.FORBIDDEN, RoutePolicy.decide(rule, identity("enterprise")));
        assertEquals(Access.UNAUTHENTICATED, RoutePolicy.decide(rule, QuarkusSecurityIdentity.builder()
                .setAnonymous(true).build()));
    }

    @Test
    void shouldAllowAnyCallerWhenRuleIsAnonymous() {
        PolicyRule rule = POLICY.ruleFor("/api/public/x", "GET").orElseThrow();
        assertEquals(Access.ALLOWED, RoutePolicy.decide(rule, QuarkusSecurityIdentity.builder().setAnonymous(true).build()));
        assertEquals(Access.ALLOWED, RoutePolicy.decide(rule, identity("enterprise")));
    }

    private static SecurityIdentity identity(String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone")).addRole(role).build();
    }
}
