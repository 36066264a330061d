package io.safetyhub.enforcement.common;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's tenant rule ({@link Caller#sees}) applied to this service's documents, each of which carries the
 * {@code enterpriseId}, {@code district} and {@code town} it is about. The registry knows no grid (网格), so a
 * grid-confined regulator sees nothing here rather than a whole town.
 */
public final class Scope {
    private Scope() {
    }

    /** A MongoDB filter for the documents the caller may see; anonymous callers match nothing. */
    public static Bson filter(Caller caller) {
        if (caller.operator()) {
            return new Document();
        }
        if (caller.confinedEnterprise() != null) {
            return Filters.eq("enterpriseId", caller.confinedEnterprise());
        }
        if (!caller.regulator()) {
            return Filters.eq("_id", new Document("nothing", true));
        }
        List<Bson> clauses = new ArrayList<>();
        if (caller.confinedDistrict() != null) {
            clauses.add(Filters.eq("district", caller.confinedDistrict()));
        }
        if (caller.confinedTown() != null) {
            clauses.add(Filters.eq("town", caller.confinedTown()));
        }
        if (caller.confinedGrid() != null) {
            clauses.add(Filters.eq("grid", caller.confinedGrid()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }

    /** The filter of {@link #filter} combined with more clauses. */
    public static Bson filter(Caller caller, List<Bson> more) {
        List<Bson> all = new ArrayList<>(more);
        all.add(filter(caller));
        return Filters.and(all);
    }

    public static boolean sees(Caller caller, String enterpriseId, String district, String town) {
        return caller.sees(enterpriseId, district, town, null);
    }

    /** 404 (not 403) for what the caller may not see, so that its existence is not revealed. */
    public static void requireVisible(Caller caller, String enterpriseId, String district, String town, String what, String id) {
        if (!sees(caller, enterpriseId, district, town)) {
            throw DomainException.notFound(what, id);
        }
    }

    /** Enforcement acts (plans, draws, inspections, cases) are a regulator's; operators and enterprises only read. */
    public static void requireRegulator(Caller caller) {
        if (!caller.regulator()) {
            throw DomainException.forbidden("only a regulator (执法人员) may do this");
        }
    }

    /** A district-level thing (a plan, a draw) the caller may see: its district, and its town for a town regulator. */
    public static boolean seesArea(Caller caller, String district, String town) {
        if (!caller.seesDistrict(district)) {
            return false;
        }
        return caller.operator() || caller.confinedTown() == null || town == null || caller.confinedTown().equals(town);
    }
}
