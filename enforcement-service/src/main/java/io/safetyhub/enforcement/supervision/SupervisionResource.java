package io.safetyhub.enforcement.supervision;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.PlainText;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import java.util.List;

/** Listed supervision (挂牌督办): the regulators' list of major hazards not rectified; an enterprise sees its own. */
@Path("/api/enforcement/supervisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "supervision", description = "挂牌督办")
public class SupervisionResource {
    private final SupervisionService service;
    private final SecurityIdentity identity;

    public SupervisionResource(
            SupervisionService service,
            SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    public record LiftRequest(@NotBlank @Size(max = 1000) @PlainText String reason) {
    }

    @GET
    @Operation(summary = "Listed major hazards in scope, soonest rectification date first; status LISTED or LIFTED")
    public List<ListedSupervision> list(@QueryParam("status") String status) {
        return service.find(caller(), QueryParams.enumOf(ListedSupervision.Status.class, "status", status));
    }

    @GET @Path("/{id}")
    @Operation(summary = "One listing")
    public ListedSupervision get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST @Path("/{id}/lift")
    @RolesAllowed("regulator")
    @Operation(summary = "Lift a listing (摘牌) once the hazard is rectified, with the reason")
    public ListedSupervision lift(@PathParam("id") String id, @NotNull @Valid LiftRequest request) {
        return service.lift(caller(), id, request.reason().strip());
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
