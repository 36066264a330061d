package io.safetyhub.gateway.alarmstream;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.events.AlarmEvent;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which alarms a stream client may see: the same tenant rule the services apply, here because the gateway
 * itself serves this endpoint. Operators and regulators without a district see all; a regulator with a
 * district claim sees that district; an enterprise user sees its own enterprise_id, and nothing without one.
 *
 * @param all          no restriction
 * @param enterpriseId confined to this enterprise, or null
 * @param district     confined to this district, or null
 */
public record CallerScope(boolean all, String enterpriseId, String district) {
    private static final CallerScope NOTHING = new CallerScope(false, null, null);

    public static CallerScope of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return NOTHING;
        }
        String enterpriseId = null;
        String district = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            enterpriseId = blankToNull(jwt.getClaim("enterprise_id"));
            district = blankToNull(jwt.getClaim("district"));
        }
        if (identity.hasRole("operator")) {
            return new CallerScope(true, null, null);
        }
        if (identity.hasRole("regulator")) {
            return district == null ? new CallerScope(true, null, null) : new CallerScope(false, null, district);
        }
        if (identity.hasRole("enterprise") && enterpriseId != null) {
            return new CallerScope(false, enterpriseId, null);
        }
        return NOTHING;
    }

    public boolean admits(AlarmEvent event) {
        if (all) {
            return true;
        }
        if (enterpriseId != null) {
            return enterpriseId.equals(event.enterpriseId());
        }
        return district != null && district.equals(event.district());
    }

    private static String blankToNull(Object claim) {
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }
}
