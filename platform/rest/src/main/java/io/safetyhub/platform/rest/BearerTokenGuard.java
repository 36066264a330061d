package io.safetyhub.platform.rest;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Deny by default below {@code /api}: a call without a bearer token is answered 401 here, whether or not an
 * endpoint exists, so that an anonymous caller learns nothing about which paths exist. A header that is not a
 * well-formed bearer credential (RFC 6750 {@code b64token}) is a refused token, not a server error. A well-formed
 * token is verified, and its roles checked, by the endpoint's {@code @RolesAllowed}; endpoints without one are
 * denied ({@code quarkus.security.jaxrs.deny-unannotated-endpoints=true}).
 * <p>
 * {@code safetyhub.http.public-paths} lists the anonymous prefixes (default {@code /api/public/}).
 */
@ApplicationScoped
public class BearerTokenGuard {
    /** RFC 6750 section 2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** Longer than any Keycloak token we issue by a wide margin; more is an attack on the verifier. */
    private static final int MAX_TOKEN_LENGTH = 16_384;

    private final List<String> publicPaths;

    public BearerTokenGuard(@ConfigProperty(name = "safetyhub.http.public-paths", defaultValue = "/api/public/")
                            List<String> publicPaths) {
        this.publicPaths = List.copyOf(publicPaths);
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::requireBearer);
    }

    void requireBearer(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (publicPaths.stream().anyMatch(path::startsWith)) {
            ctx.next();
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            HttpProblems.unauthenticated(ctx, false);
        } else if (!wellFormed(authorization.substring(7).strip())) {
            HttpProblems.unauthenticated(ctx, true);
        } else {
            ctx.next();
        }
    }

    /** A compact JWS: three non-empty b64token parts separated by dots. */
    static boolean wellFormed(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        return parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty();
    }
}
