package io.safetyhub.warning.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.warning.error.DomainException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and what they may see: an enterprise user only its own {@code enterprise_id}, a
 * regulator with a {@code district} claim only that district, a city-wide regulator and operators all.
 */
public record Caller(String subject, boolean regulator, boolean enterprise, boolean operator,
                     String enterpriseId, String district) {

    public static Caller of(SecurityIdentity identity) {
        String enterpriseId = null;
        String district = null;
        String subject = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            enterpriseId = blankToNull(jwt.getClaim("enterprise_id"));
            district = blankToNull(jwt.getClaim("district"));
            subject = jwt.getClaim("preferred_username") != null ? jwt.getClaim("preferred_username") : subject;
        }
        Caller caller = new Caller(subject, identity.hasRole("regulator"), identity.hasRole("enterprise"),
                identity.hasRole("operator"), enterpriseId, district);
        if (caller.enterprise && !caller.regulator && !caller.operator && enterpriseId == null) {
            throw DomainException.forbidden("an enterprise account must carry an enterprise_id claim");
        }
        return caller;
    }

    /** The enterprise this caller is confined to, or null when not confined to one. */
    public String confinedEnterprise() {
        return enterprise && !regulator && !operator ? enterpriseId : null;
    }

    /** The district this caller is confined to, or null when not confined to one. */
    public String confinedDistrict() {
        return regulator && !operator ? district : null;
    }

    private static String blankToNull(Object claim) {
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }
}
