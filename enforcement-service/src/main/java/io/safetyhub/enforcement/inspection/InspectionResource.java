package io.safetyhub.enforcement.inspection;

import com.mongodb.client.model.Filters;
import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.safetyhub.platform.Strings.blankToNull;

/** On-site inspections (现场检查): regulators act within their area; an enterprise reads its own. */
@Path("/api/enforcement/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "inspections", description = "现场检查")
public class InspectionResource {
    private final InspectionService service;
    private final InspectionRepository repository;
    private final SecurityIdentity identity;

    public InspectionResource(
            InspectionService service,
            InspectionRepository repository,
            SecurityIdentity identity) {
        this.service = service;
        this.repository = repository;
        this.identity = identity;
    }

    public record OpenRequest(@NotBlank @Size(max = 64) String drawId, @NotBlank @Size(max = 64) String enterpriseId) {
    }

    public record SignRequest(@NotBlank @Size(max = 64) String inspectorId, @NotBlank @Size(max = 32) String badgeNumber) {
    }

    @GET
    @Operation(summary = "Inspections in scope, latest first; filter by status and enterprise")
    public Page<Inspection> list(@QueryParam("status") String status, @QueryParam("enterpriseId") String enterpriseId,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        Caller caller = caller();
        List<Bson> clauses = new ArrayList<>();
        Inspection.Status s = QueryParams.enumOf(Inspection.Status.class, "status", status);
        if (s != null) {
            clauses.add(Filters.eq("status", s.name()));
        }
        if (blankToNull(enterpriseId) != null) {
            clauses.add(Filters.eq("enterpriseId", enterpriseId.strip()));
        }
        Bson filter = Scope.filter(caller, clauses);
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.of(repository.find(filter, request), request, repository.count(filter));
    }

    @POST
    @RolesAllowed("regulator")
    @Operation(summary = "Open the inspection of a drawn enterprise, with its drawn team and its sector's checklist")
    public Response open(@NotNull @Valid OpenRequest request) {
        Inspection inspection = service.open(caller(), request.drawId().strip(), request.enterpriseId().strip());
        return Response.created(URI.create("/api/enforcement/inspections/" + inspection.id())).entity(inspection).build();
    }

    @GET @Path("/{id}")
    @Operation(summary = "One inspection with its checklist, results and signatures")
    public Inspection get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @PUT @Path("/{id}/results")
    @RolesAllowed("regulator")
    @Operation(summary = "Record every item's result (pass / fail / not applicable, note; a failure with grade and deadline)")
    public Inspection results(@PathParam("id") String id, @NotNull @Valid ResultsRequest request) {
        return service.recordResults(caller(), id, request);
    }

    @POST @Path("/{id}/signatures")
    @RolesAllowed("regulator")
    @Operation(summary = "One inspector signs the results off; the last signature completes the inspection and raises its findings")
    public Inspection sign(@PathParam("id") String id, @NotNull @Valid SignRequest request) {
        return service.sign(caller(), id, request.inspectorId().strip(), request.badgeNumber().strip());
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
