package io.safetyhub.enterprise.riskcolour;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An enterprise's risk colour: computed, or overridden by a regulator with a reason. */
@Path("/api/enterprises/{id}/risk-colour")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "risk-points")
public class RiskColourResource {
    private final RiskColourService service;
    private final SecurityIdentity identity;

    public RiskColourResource(RiskColourService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The colour in force, where it comes from, the computed one and the override history")
    public RiskColourView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @PUT
    @Path("/override")
    @RolesAllowed("regulator")
    @Operation(summary = "Override the computed colour (reason required, audited); announced on the registry topic")
    public RiskColourView override(@PathParam("id") String id, @NotNull @Valid ColourOverrideRequest request) {
        return service.override(Callers.of(identity), id, request);
    }

    @DELETE
    @Path("/override")
    @RolesAllowed("regulator")
    @Operation(summary = "Lift the override: the computed colour applies again; 409 NO_OVERRIDE when none")
    public RiskColourView lift(@PathParam("id") String id, @QueryParam("reason") @Size(max = 2000) String reason) {
        return service.lift(Callers.of(identity), id, Strings.blankToNull(reason));
    }
}
