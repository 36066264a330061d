package io.safetyhub.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;

/**
 * The caller an admitted request carries: its verified identity (put into the exchange by the access decision)
 * and, from it, the platform's {@link Caller} with the one tenant rule the services apply too.
 */
public final class Callers {
    /** Where the access decision leaves the verified identity for the handlers after it. */
    public static final String IDENTITY_KEY = "safetyhub.identity";

    private Callers() {
    }

    /** Remembers the identity the access decision admitted. */
    public static void admit(RoutingContext ctx, SecurityIdentity identity) {
        ctx.put(IDENTITY_KEY, identity);
    }

    /** The identity admitted for this exchange, or null before (or without) an access decision. */
    public static SecurityIdentity identity(RoutingContext ctx) {
        return ctx.get(IDENTITY_KEY);
    }

    /** The platform caller of an identity; anonymous for none. Claims come from the verified token only. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.anonymous();
        }
        String subject = identity.getPrincipal() == null ? "unknown" : identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Caller.of(subject, identity::hasRole, jwt::getClaim);
        }
        return Caller.of(subject, identity::hasRole, claim -> null);
    }

    /** When the identity's token expires ({@code exp}); empty for an identity without a token or without exp. */
    public static Optional<Instant> tokenExpiry(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
        return Optional.empty();
    }
}
