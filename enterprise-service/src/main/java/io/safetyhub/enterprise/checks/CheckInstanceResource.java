package io.safetyhub.enterprise.checks;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Check instances: the ones falling due, recorded by the post, overdue ones for the regulator. */
@Path("/api/check-instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "risk-points")
public class CheckInstanceResource {
    private final CheckInstanceService service;
    private final SecurityIdentity identity;

    public CheckInstanceResource(CheckInstanceService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "One enterprise's check instances, oldest due first; overdue=true for open ones past due")
    public Page<CheckInstanceView> list(@QueryParam("enterpriseId") @Size(max = 64) String enterpriseId,
                                        @QueryParam("status") @Size(max = 64) String status,
                                        @QueryParam("overdue") String overdue,
                                        @QueryParam("page") String page, @QueryParam("size") String size) {
        String id = Strings.blankToNull(enterpriseId);
        var caller = Callers.of(identity);
        if (id == null) {
            id = caller.confinedEnterprise();
        }
        if (id == null) {
            throw DomainException.field("enterpriseId", "name the enterprise (regulators: see /api/check-instances/overdue)");
        }
        return service.listOf(caller, id, QueryParams.enumOf(CheckStatus.class, "status", status), flag(overdue),
                QueryParams.page(page, size, 100));
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Open check instances past their due time across the caller's scope, oldest first")
    public Page<CheckInstanceView> overdue(@QueryParam("district") @Size(max = 50) String district,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.overdue(Callers.of(identity), Strings.blankToNull(district), QueryParams.page(page, size, 100));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One check instance")
    public CheckInstanceView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @Path("/{id}/result")
    @RolesAllowed("enterprise")
    @Operation(summary = "Record the check: DONE, or FAILED with a note (opens a hazard, 自查自报); 409 when recorded")
    public CheckInstanceView record(@PathParam("id") String id, @NotNull @Valid CheckResultRequest request) {
        return service.record(Callers.of(identity), id, request);
    }

    private static boolean flag(String value) {
        String v = Strings.blankToNull(value);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw DomainException.field("overdue", "must be true or false");
    }
}
