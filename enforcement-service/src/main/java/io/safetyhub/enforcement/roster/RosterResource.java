package io.safetyhub.enforcement.roster;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** The inspection-object roster as the draw sees it; regulators within their area, operators all. */
@Path("/api/enforcement/roster/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "roster", description = "检查对象名录库")
public class RosterResource {
    private final RosterRepository roster;
    private final SecurityIdentity identity;

    public RosterResource(
            RosterRepository roster,
            SecurityIdentity identity) {
        this.roster = roster;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Enterprises on the roster in scope, by id; filter by sector and risk colour")
    public Page<RosterEnterprise> list(@QueryParam("sector") String sector, @QueryParam("riskColour") String colour,
                                       @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Bson> clauses = new ArrayList<>(area(caller()));
        Sector s = QueryParams.enumOf(Sector.class, "sector", sector);
        if (s != null) {
            clauses.add(Filters.eq("sectors", s.name()));
        }
        RiskColour c = QueryParams.enumOf(RiskColour.class, "riskColour", colour);
        if (c != null) {
            clauses.add(Filters.eq("riskColour", c.name()));
        }
        List<RosterEnterprise> all = roster.matching(clauses.isEmpty() ? new Document() : Filters.and(clauses));
        return Page.slice(all, QueryParams.page(page, size, Paging.MAX_SIZE));
    }

    /** A roster entry is keyed by enterprise id, so the caller's area is applied by district and town alone. */
    static List<Bson> area(Caller caller) {
        List<Bson> clauses = new ArrayList<>();
        if (caller.confinedDistrict() != null) {
            clauses.add(Filters.eq("district", caller.confinedDistrict()));
        }
        if (caller.confinedTown() != null) {
            clauses.add(Filters.eq("town", caller.confinedTown()));
        }
        return clauses;
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
