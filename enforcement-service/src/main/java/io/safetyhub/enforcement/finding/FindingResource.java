package io.safetyhub.enforcement.finding;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** Findings of completed inspections, within scope (an enterprise sees its own). */
@Path("/api/enforcement/findings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "findings", description = "检查发现的隐患")
public class FindingResource {
    private final FindingService service;
    private final FindingRepository repository;
    private final SecurityIdentity identity;

    public FindingResource(
            FindingService service,
            FindingRepository repository,
            SecurityIdentity identity) {
        this.service = service;
        this.repository = repository;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Findings in scope, latest inspection first; filter by status, grade, enterprise, inspection")
    public Page<Finding> list(@QueryParam("status") String status, @QueryParam("grade") String grade,
                              @QueryParam("enterpriseId") String enterpriseId, @QueryParam("inspectionId") String inspectionId,
                              @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Bson> clauses = new ArrayList<>();
        Finding.Status s = QueryParams.enumOf(Finding.Status.class, "status", status);
        if (s != null) {
            clauses.add(Filters.eq("status", s.name()));
        }
        Inspection.Grade g = QueryParams.enumOf(Inspection.Grade.class, "grade", grade);
        if (g != null) {
            clauses.add(Filters.eq("grade", g.name()));
        }
        if (blankToNull(enterpriseId) != null) {
            clauses.add(Filters.eq("enterpriseId", enterpriseId.strip()));
        }
        if (blankToNull(inspectionId) != null) {
            clauses.add(Filters.eq("inspectionId", inspectionId.strip()));
        }
        Bson filter = Scope.filter(caller(), clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(repository.find(filter, request), request, repository.count(filter));
    }

    @GET @Path("/{id}")
    @Operation(summary = "One finding")
    public Finding get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
