package io.safetyhub.enforcement.audit;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** The audit trail of one subject (a case, inspection, finding, draw…), for regulators in scope and operators. */
@Path("/api/enforcement/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "audit", description = "全过程记录")
public class AuditResource {
    private final AuditLog log;
    private final SecurityIdentity identity;

    public AuditResource(
            AuditLog log,
            SecurityIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every recorded change that refers to one id (case, inspection, finding, draw, posting…), oldest first")
    public List<AuditEntry> about(@QueryParam("ref") String ref) {
        String id = blankToNull(ref);
        if (id == null) {
            throw DomainException.field("ref", "must name the case, inspection, finding or draw to trace");
        }
        var caller = caller();
        // Entries about a whole district (plans, draws, rosters) carry no enterpriseId: the area rule applies to them.
        return log.find(Filters.in("refs", id)).stream()
                .filter(e -> e.enterpriseId() != null ? Scope.sees(caller, e.enterpriseId(), e.district(), e.town())
                        : e.district() == null ? caller.operator() || caller.seesAll() : Scope.seesArea(caller, e.district(), e.town()))
                .toList();
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
