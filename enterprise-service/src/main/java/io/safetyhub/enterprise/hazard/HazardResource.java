package io.safetyhub.enterprise.hazard;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.platform.rest.QueryParams;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Hazards (隐患) over REST; scope and the per-role rules of each step live in {@link HazardService}. */
@Path("/api/hazards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "hazards", description = "Hazards: self-check, self-report, self-rectify (自查自报自改)")
public class HazardResource {
    private final HazardService service;
    private final SecurityIdentity identity;

    public HazardResource(HazardService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Hazards visible to the caller, oldest first")
    public HazardView.Page list(@QueryParam("enterpriseId") String enterpriseId,
                                @QueryParam("district") String district,
                                @QueryParam("category") String category,
                                @QueryParam("status") String status,
                                @QueryParam("grade") String grade,
                                @QueryParam("open") @DefaultValue("false") boolean open,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(Callers.of(identity), new HazardFilter(blankToNull(enterpriseId), blankToNull(district),
                QueryParams.enumOf(Sector.class, "category", category), QueryParams.enumOf(HazardStatus.class, "status", status),
                QueryParams.enumOf(HazardGrade.class, "grade", grade), open, null), page, size);
    }

    @POST
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Report a hazard (status REPORTED); an enterprise reports SELF_CHECK hazards of its own")
    public Response report(@NotNull @Valid HazardRequest request) {
        HazardView created = service.report(Callers.of(identity), request);
        return Response.created(URI.create("/api/hazards/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One hazard with its audit trail")
    public HazardView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Move a hazard one step; 409 ILLEGAL_TRANSITION when the step does not exist")
    public HazardView transition(@PathParam("id") String id, @NotNull @Valid TransitionRequest request) {
        return service.transition(Callers.of(identity), id, request);
    }

    @GET
    @Path("/major-open")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Open major hazards with their age (动态清零), oldest first")
    public List<HazardView> majorOpen(@QueryParam("district") String district, @QueryParam("sector") String sector) {
        return service.openMajor(Callers.of(identity), blankToNull(district),
                QueryParams.enumOf(Sector.class, "sector", sector));
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Open hazards past their rectification deadline")
    public List<HazardView> overdue(@QueryParam("district") String district, @QueryParam("sector") String sector) {
        return service.overdue(Callers.of(identity), blankToNull(district),
                QueryParams.enumOf(Sector.class, "sector", sector));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Dashboard counts: open, open major, overdue, per status, major per district and sector")
    public HazardStats stats(@QueryParam("district") String district) {
        return service.stats(Callers.of(identity), blankToNull(district));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
