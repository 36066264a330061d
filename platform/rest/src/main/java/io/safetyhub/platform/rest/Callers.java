package io.safetyhub.platform.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of a request, from its verified token. */
public final class Callers {
    private Callers() {
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.anonymous();
        }
        String subject = identity.getPrincipal().getName();
        Caller caller;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object username = jwt.getClaim("preferred_username");
            caller = Caller.of(username != null ? username.toString() : subject, identity::hasRole, jwt::getClaim);
        } else {
            caller = Caller.of(subject, identity::hasRole, name -> identity.getAttribute(name));
        }
        if (caller.isEnterpriseWithoutId()) {
            throw DomainException.forbidden("an enterprise account must carry an enterprise_id claim");
        }
        return caller;
    }
}
