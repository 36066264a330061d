package io.safetyhub.enforcement.plan;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Enforcement plans (执法计划). */
@Path("/api/enforcement/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "plans", description = "执法计划")
public class PlanResource {
    private final PlanService service;
    private final SecurityIdentity identity;

    public PlanResource(
            PlanService service,
            SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Plans of the caller's area, latest period first")
    public List<Plan> list() {
        return service.list(caller());
    }

    @GET @Path("/{id}")
    @Operation(summary = "One plan")
    public Plan get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST
    @RolesAllowed("regulator")
    @Operation(summary = "Make a plan: quotas per sector, risk-colour weights (defaults when left out)")
    public Response create(@NotNull @Valid PlanRequest request) {
        Plan plan = service.create(caller(), request);
        return Response.created(URI.create("/api/enforcement/plans/" + plan.id())).entity(plan).build();
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
