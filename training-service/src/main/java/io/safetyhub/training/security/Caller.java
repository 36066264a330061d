package io.safetyhub.training.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.training.error.DomainException;
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

    /** True when this caller may see data of the enterprise {@code enterpriseId} located in {@code district}. */
    public boolean sees(String enterpriseId, String enterpriseDistrict) {
        if (confinedEnterprise() != null) {
            return confinedEnterprise().equals(enterpriseId);
        }
        return confinedDistrict() == null || confinedDistrict().equals(enterpriseDistrict);
    }

    /** The role written into audit entries: the strongest one the caller holds. */
    public String role() {
        return regulator ? "regulator" : operator ? "operator" : enterprise ? "enterprise" : "anonymous";
    }

    /** A regulator or operator, as opposed to an enterprise's own staff. */
    public boolean supervisor() {
        return regulator || operator;
    }

    private static String blankToNull(Object claim) {
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }
}
