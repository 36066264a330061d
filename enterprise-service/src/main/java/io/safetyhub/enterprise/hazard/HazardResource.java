package io.safetyhub.enterprise.hazard;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enterprise.enterprise.Sector;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hazards (隐患) over REST; scope and the per-role rules of each step live in {@link HazardService}. */
@Path("/api/hazards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "hazards", description = "Hazards: self-check, self-report, self-rectify (自查自报自改)")
public class HazardResource {
    /** Largest page of any list here; the console asks for 100 at once. */
    static final int MAX_PAGE_SIZE = 100;

    private final HazardService service;
    private final SecurityIdentity identity;

    public HazardResource(HazardService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Hazards visible to the caller, oldest first, one page at a time",
            description = "page from 0, size 1-" + MAX_PAGE_SIZE + " (default 20); open=true for hazards not closed.")
    public Page<HazardView> list(@QueryParam("enterpriseId") @Size(max = 64) String enterpriseId,
                                 @QueryParam("district") @Size(max = 50) String district,
                                 @QueryParam("category") @Size(max = 64) String category,
                                 @QueryParam("status") @Size(max = 64) String status,
                                 @QueryParam("grade") @Size(max = 64) String grade,
                                 @QueryParam("open") String open,
                                 @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        HazardService.ListQuery query = new HazardService.ListQuery(Strings.blankToNull(enterpriseId),
                Strings.blankToNull(district), QueryParams.enumOf(Sector.class, "category", category),
                QueryParams.enumOf(HazardStatus.class, "status", status),
                QueryParams.enumOf(HazardGrade.class, "grade", grade), flag("open", open));
        return service.list(Callers.of(identity), query, QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @POST
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Report a hazard (status REPORTED); an enterprise reports SELF_CHECK hazards of its own")
    public Response report(@NotNull @Valid HazardRequest request) {
        HazardView created = service.report(Callers.of(identity), request);
        // A relative reference (RFC 9110 10.2.2): the public path behind the gateway, never this host and port.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/hazards/" + created.id())
                .entity(created).build();
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
    @Operation(summary = "Open major hazards with their age (动态清零), oldest first, one page at a time")
    public Page<HazardView> majorOpen(@QueryParam("district") @Size(max = 50) String district,
                                      @QueryParam("sector") @Size(max = 64) String sector,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.openMajor(Callers.of(identity), Strings.blankToNull(district),
                QueryParams.enumOf(Sector.class, "sector", sector), QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Open hazards past their rectification deadline, oldest first, one page at a time")
    public Page<HazardView> overdue(@QueryParam("district") @Size(max = 50) String district,
                                    @QueryParam("sector") @Size(max = 64) String sector,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.overdue(Callers.of(identity), Strings.blankToNull(district),
                QueryParams.enumOf(Sector.class, "sector", sector), QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Dashboard counts: open, open major, overdue, per status, major per district and sector")
    public HazardStats stats(@QueryParam("district") @Size(max = 50) String district) {
        return service.stats(Callers.of(identity), Strings.blankToNull(district));
    }

    /** {@code true} / {@code false} (any case), false when absent; anything else is a 400 naming the parameter. */
    static boolean flag(String field, String value) {
        String v = Strings.blankToNull(value);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw DomainException.field(field, "must be true or false");
    }
}
