package io.safetyhub.enterprise.duty;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One installation's 包保 duties: its three holders and their duty checks. */
@Path("/api/enterprises/{id}/major-hazards/{installationId}/duties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "duties", description = "包保责任制 of major-hazard installations (2021 办法)")
public class DutyResource {
    private final DutyService service;
    private final SecurityIdentity identity;

    public DutyResource(DutyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The holders (phones masked unless the caller is the enterprise), frequencies, current periods")
    public DutyViews.Duties get(@PathParam("id") String id, @PathParam("installationId") String installationId) {
        return service.get(Callers.of(identity), id, installationId);
    }

    @PUT
    @Path("/holders")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Name the 主要负责人, 技术负责人 and 操作负责人 (all three)")
    public DutyViews.Duties assign(@PathParam("id") String id, @PathParam("installationId") String installationId,
                                   @NotNull @Valid DutyHoldersRequest request) {
        return service.assign(Callers.of(identity), id, installationId, request);
    }

    @POST
    @Path("/checks")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Record a duty check; 400 naming personName when the person is not that role's holder")
    public Response record(@PathParam("id") String id, @PathParam("installationId") String installationId,
                           @NotNull @Valid DutyCheckRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(service.record(Callers.of(identity), id, installationId, request)).build();
    }

    @GET
    @Path("/checks")
    @Operation(summary = "The installation's duty checks, newest first, optionally of one role")
    public Page<DutyViews.Check> checks(@PathParam("id") String id, @PathParam("installationId") String installationId,
                                        @QueryParam("role") String role, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        return service.checks(Callers.of(identity), id, installationId, QueryParams.enumOf(DutyRole.class, "role", role),
                QueryParams.page(page, size, 100));
    }
}
