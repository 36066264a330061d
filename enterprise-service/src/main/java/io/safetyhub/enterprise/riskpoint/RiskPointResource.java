package io.safetyhub.enterprise.riskpoint;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** One enterprise's risk points (风险点清单) with measures and check tasks. */
@Path("/api/enterprises/{id}/risk-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "risk-points", description = "Dual prevention: risk points, measures, check tasks (双重预防)")
public class RiskPointResource {
    static final int MAX_PAGE_SIZE = 100;

    private final RiskPointService service;
    private final SecurityIdentity identity;

    public RiskPointResource(RiskPointService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The enterprise's risk points in id order, optionally of one colour")
    public Page<RiskPointView> list(@PathParam("id") String id, @QueryParam("colour") @Size(max = 64) String colour,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.listOf(Callers.of(identity), id, QueryParams.enumOf(RiskColour.class, "colour", colour),
                QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @POST
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Declare a risk point graded by LEC or LS; 400 naming l, e, c or s when off the method's scale")
    public Response create(@PathParam("id") String id, @NotNull @Valid RiskPointRequest request) {
        RiskPointView created = service.create(Callers.of(identity), id, request);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/enterprises/" + id + "/risk-points/" + created.id())
                .entity(created).build();
    }

    @GET
    @Path("/{pointId}")
    @Operation(summary = "One risk point")
    public RiskPointView get(@PathParam("id") String id, @PathParam("pointId") String pointId) {
        return service.get(Callers.of(identity), id, pointId);
    }

    @PUT
    @Path("/{pointId}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Replace a risk point; give measure and task ids to keep them (their check history stays)")
    public RiskPointView update(@PathParam("id") String id, @PathParam("pointId") String pointId,
                                @NotNull @Valid RiskPointRequest request) {
        return service.update(Callers.of(identity), id, pointId, request);
    }

    @DELETE
    @Path("/{pointId}")
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Remove a risk point")
    public Response delete(@PathParam("id") String id, @PathParam("pointId") String pointId) {
        service.delete(Callers.of(identity), id, pointId);
        return Response.noContent().build();
    }
}
