package io.safetyhub.emergency.common;

import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;

/**
 * Where a district-owned record (a stockpile, a team, a rota) belongs, and who keeps it: regulators of that area and
 * operators. A district regulator may leave the district out (its own); city-wide callers name it.
 */
public record Area(String district, String town) {

    public static Area of(Caller caller, String district, String town) {
        String d = district != null ? district : caller.confinedDistrict();
        if (d == null) {
            throw DomainException.field("district", "required for a city-wide caller");
        }
        String t = town != null ? town : caller.confinedTown();
        return new Area(d, t);
    }

    /**
     * 403 unless the caller keeps the record: an enterprise's record (plan, drill) is kept by that enterprise, a record
     * of the district itself ({@code enterpriseId} null) by the district's regulators.
     */
    public static void requireOwner(Caller caller, String enterpriseId, String district, String what, String id) {
        boolean owner = enterpriseId == null
                ? caller.regulator() && caller.seesDistrict(district)
                : enterpriseId.equals(caller.confinedEnterprise());
        if (!owner) {
            throw DomainException.forbidden(what + " " + id + " is kept by " + (enterpriseId == null ? "the district" : "its enterprise"));
        }
    }

    /** 403 unless the caller keeps records of this area. */
    public void requireKeeper(Caller caller, String what) {
        if (caller.operator()) {
            return;
        }
        if (!caller.regulator()) {
            throw DomainException.forbidden(what + " are kept by regulators and operators");
        }
        if (!caller.sees(null, district, town, null)) {
            throw DomainException.forbidden(what + " of " + district + (town == null ? "" : " " + town)
                    + " are kept by its own regulators");
        }
    }
}
