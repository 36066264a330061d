package io.safetyhub.platform;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who is calling and what they may see: the one tenant rule of SafetyHub.
 * <ul>
 *   <li>an enterprise user sees only its own {@code enterprise_id} (and nothing without one);</li>
 *   <li>a regulator sees the district of its {@code district} claim, narrowed to a town (镇街) by a {@code town}
 *       claim and to a grid (网格) by a {@code grid} claim; a regulator without a district sees the whole city;</li>
 *   <li>an operator sees everything.</li>
 * </ul>
 * Built from roles and claims only, so that services (from a {@code SecurityIdentity}) and the gateway (from its
 * own identity) apply the same rule.
 */
public record Caller(String subject, boolean regulator, boolean enterprise, boolean operator,
                     String enterpriseId, String district, String town, String grid) {

    public static final String ROLE_REGULATOR = "regulator";
    public static final String ROLE_ENTERPRISE = "enterprise";
    public static final String ROLE_OPERATOR = "operator";

    /** Nobody: sees nothing, may do nothing. */
    public static Caller anonymous() {
        return new Caller("anonymous", false, false, false, null, null, null, null);
    }

    /**
     * @param subject the user name to write into audit entries
     * @param hasRole whether the caller holds a role
     * @param claim   a token claim by name, or null
     */
    public static Caller of(String subject, Predicate<String> hasRole, Function<String, Object> claim) {
        String district = Strings.blankToNull(claim.apply("district"));
        String town = district == null ? null : Strings.blankToNull(claim.apply("town"));
        String grid = town == null ? null : Strings.blankToNull(claim.apply("grid"));
        return new Caller(subject, hasRole.test(ROLE_REGULATOR), hasRole.test(ROLE_ENTERPRISE),
                hasRole.test(ROLE_OPERATOR), Strings.blankToNull(claim.apply("enterprise_id")), district, town, grid);
    }

    /** An enterprise account that carries no enterprise id: it must be refused, not shown everything. */
    public boolean isEnterpriseWithoutId() {
        return enterprise && !regulator && !operator && enterpriseId == null;
    }

    /** The enterprise this caller is confined to, or null when not confined to one. */
    public String confinedEnterprise() {
        return enterprise && !regulator && !operator ? enterpriseId : null;
    }

    /** The district this caller is confined to, or null when not confined to one. */
    public String confinedDistrict() {
        return regulator && !operator ? district : null;
    }

    /** The town (镇街) within {@link #confinedDistrict()} this caller is confined to, or null. */
    public String confinedTown() {
        return confinedDistrict() == null ? null : town;
    }

    /** The grid (网格) within {@link #confinedTown()} this caller is confined to, or null. */
    public String confinedGrid() {
        return confinedTown() == null ? null : grid;
    }

    /** A regulator or operator, as opposed to an enterprise's own staff. */
    public boolean isSupervisor() {
        return regulator || operator;
    }

    /** Sees every enterprise of the city: an operator or a regulator without a district. */
    public boolean seesAll() {
        return operator || (regulator && district == null);
    }

    /** True when this caller may see data of the enterprise {@code enterpriseId} located in {@code district}. */
    public boolean sees(String enterpriseId, String district) {
        return sees(enterpriseId, district, null, null);
    }

    /** True when this caller may see data of an enterprise at this place (town and grid may be null). */
    public boolean sees(String enterpriseId, String district, String town, String grid) {
        if (operator) {
            return true;
        }
        if (enterprise && !regulator) {
            return enterpriseId != null && enterpriseId.equals(this.enterpriseId);
        }
        if (!regulator) {
            return false;
        }
        return (confinedDistrict() == null || confinedDistrict().equals(district))
                && (confinedTown() == null || confinedTown().equals(town))
                && (confinedGrid() == null || confinedGrid().equals(grid));
    }

    /** True when this caller may see what belongs to a whole district (broadcasts, district statistics). */
    public boolean seesDistrict(String district) {
        return operator || (regulator && (confinedDistrict() == null || confinedDistrict().equals(district)));
    }

    /** The role written into audit entries: the strongest one the caller holds. */
    public String role() {
        return regulator ? ROLE_REGULATOR : operator ? ROLE_OPERATOR : enterprise ? ROLE_ENTERPRISE : "anonymous";
    }
}
