package io.safetyhub.emergency.common;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's tenant rule ({@link Caller#sees}) turned into MongoDB filters over documents that carry
 * {@code enterpriseId}, {@code district} and {@code town}, and into the 404/403 answers of single records. An
 * out-of-scope id answers 404 so that its existence is not revealed.
 */
public final class Jurisdiction {
    private Jurisdiction() {
    }

    /** What the caller sees of a collection of enterprise-owned records. */
    public static Bson filter(Caller caller) {
        if (caller.seesAll()) {
            return Filters.empty();
        }
        if (caller.confinedEnterprise() != null) {
            return Filters.eq("enterpriseId", caller.confinedEnterprise());
        }
        return area(caller);
    }

    /** What a regulator sees of district-owned records (resources, rota): its district, narrowed to its town. */
    public static Bson area(Caller caller) {
        if (caller.seesAll()) {
            return Filters.empty();
        }
        if (caller.confinedDistrict() == null) {
            return Filters.eq("_id", null); // nobody else sees district records: no match
        }
        List<Bson> parts = new ArrayList<>(List.of(Filters.eq("district", caller.confinedDistrict())));
        if (caller.confinedTown() != null) {
            parts.add(Filters.eq("town", caller.confinedTown()));
        }
        return Filters.and(parts);
    }

    /** 404 unless the caller sees the enterprise-owned record. */
    public static void requireSees(Caller caller, String enterpriseId, String district, String town, String what, String id) {
        if (!caller.sees(enterpriseId, district, town, null)) {
            throw DomainException.notFound(what, id);
        }
    }

    /** Regulators act in their area only: 403 for other roles, 404 for a record of another area. */
    public static void requireRegulatorOf(Caller caller, String district, String town, String what, String id) {
        if (!caller.regulator()) {
            throw DomainException.forbidden("only a regulator may do this");
        }
        if (!caller.sees(null, district, town, null)) {
            throw DomainException.notFound(what, id);
        }
    }
}
