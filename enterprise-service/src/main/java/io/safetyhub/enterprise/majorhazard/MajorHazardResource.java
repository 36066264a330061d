package io.safetyhub.enterprise.majorhazard;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One enterprise's major-hazard installations (重大危险源), with S, R and the grade per GB 18218-2018. */
@Path("/api/enterprises/{id}/major-hazards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "major-hazards", description = "Major-hazard register (重大危险源, GB 18218-2018)")
public class MajorHazardResource {
    static final int MAX_PAGE_SIZE = 100;

    private final MajorHazardService service;
    private final SecurityIdentity identity;

    public MajorHazardResource(MajorHazardService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The enterprise's installations, in id order, each with S, α, R and the grade")
    public Page<MajorHazardView> list(@PathParam("id") String id, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        return service.listOf(Callers.of(identity), id, QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Declare an installation; 400 naming substances[i].quantity / substances[i].category")
    public Response create(@PathParam("id") String id, @NotNull @Valid MajorHazardRequest request) {
        MajorHazardView created = service.create(Callers.of(identity), id, request);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/enterprises/" + id + "/major-hazards/" + created.id())
                .entity(created).build();
    }

    @GET
    @Path("/{hazardId}")
    @Operation(summary = "One installation with its assessment")
    public MajorHazardView get(@PathParam("id") String id, @PathParam("hazardId") String hazardId) {
        return service.get(Callers.of(identity), id, hazardId);
    }

    @PUT
    @Path("/{hazardId}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Replace an installation's declaration; S, R and the grade are computed again")
    public MajorHazardView update(@PathParam("id") String id, @PathParam("hazardId") String hazardId,
                                  @NotNull @Valid MajorHazardRequest request) {
        return service.update(Callers.of(identity), id, hazardId, request);
    }

    @DELETE
    @Path("/{hazardId}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Remove an installation (dismantled, or declared by mistake)")
    public Response delete(@PathParam("id") String id, @PathParam("hazardId") String hazardId) {
        service.delete(Callers.of(identity), id, hazardId);
        return Response.noContent().build();
    }
}
