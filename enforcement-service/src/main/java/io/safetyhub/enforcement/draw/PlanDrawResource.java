package io.safetyhub.enforcement.draw;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Drawing a plan: its own class, as JAX-RS would otherwise look for it in the plans resource only. */
@Path("/api/enforcement/plans/{planId}/draws")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("regulator")
@Tag(name = "draws", description = "双随机抽取")
public class PlanDrawResource {
    private final DrawService service;
    private final SecurityIdentity identity;

    public PlanDrawResource(
            DrawService service,
            SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Draw a plan: enterprises by risk-colour weight, two inspectors each; seed and inputs stored, result public")
    public Response draw(@PathParam("planId") String planId) {
        Draw draw = service.draw(caller(), planId);
        return Response.created(URI.create("/api/enforcement/draws/" + draw.id())).entity(draw).build();
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
