package io.safetyhub.platform.rest;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.safetyhub.platform.BearerCredentials;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

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
        // The same reading of the header as the gateway's, so a header refused at the edge is refused here too.
        switch (BearerCredentials.classify(ctx.request().getHeader("Authorization"))) {
            case NONE -> HttpProblems.unauthenticated(ctx, false);
            case MALFORMED -> HttpProblems.unauthenticated(ctx, true);
            case WELL_FORMED -> ctx.next();
        }
    }
}
