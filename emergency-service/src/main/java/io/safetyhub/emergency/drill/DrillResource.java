package io.safetyhub.emergency.drill;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import java.util.List;

/** Drills (演练) over REST. */
@Path("/api/emergency/drills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "drills", description = "应急演练")
public class DrillResource {
    private final DrillService service;
    private final Today today;
    private final SecurityIdentity identity;

    public DrillResource(DrillService service, Today today, SecurityIdentity identity) {
        this.service = service;
        this.today = today;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Drills in scope, latest planned first")
    public Page<Drill> list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Callers.of(identity), QueryParams.enumOf(DrillStatus.class, "status", status),
                QueryParams.page(page, size, Limits.MAX_PAGE));
    }

    @GET
    @Path("/compliance")
    @Operation(summary = "Per enterprise in scope: the 12-month and (high-risk sectors) 6-month drill rules, last held, next due")
    public List<DrillService.Compliance> compliance() {
        return service.compliance(Callers.of(identity));
    }

    @GET
    @Path("/district-counts")
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Large drills held per district in a year (default this year) against the yearly target")
    public List<DrillService.DistrictCount> districtCounts(@QueryParam("year") String year) {
        Integer y = QueryParams.year("year", year);
        return service.districtCounts(Callers.of(identity), y == null ? today.date().getYear() : y);
    }

    @GET
    @Path("/{id}")
    public Drill get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Plan a drill: an enterprise's own, or the district's")
    public Response plan(@NotNull @Valid DrillRequests.Plan request) {
        Drill d = service.plan(Callers.of(identity), request);
        return Created.at("/api/emergency/drills/" + d.id(), d);
    }

    @POST
    @Path("/{id}/held")
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Record that the drill was held")
    public Drill held(@PathParam("id") String id, @NotNull @Valid DrillRequests.Held request) {
        return service.held(Callers.of(identity), id, request);
    }

    @POST
    @Path("/{id}/evaluation")
    @RolesAllowed({"regulator", "enterprise"})
    @Operation(summary = "Evaluate a held drill (评估): summary and findings")
    public Drill evaluate(@PathParam("id") String id, @NotNull @Valid DrillRequests.Evaluate request) {
        return service.evaluate(Callers.of(identity), id, request);
    }
}
