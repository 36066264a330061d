package io.safetyhub.emergency.team;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Created;
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

import java.util.List;

/** Rescue teams over REST: regulators of the area and operators. */
@Path("/api/emergency/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "teams", description = "救援队伍")
public class TeamResource {
    private final TeamService service;
    private final SecurityIdentity identity;

    public TeamResource(TeamService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Teams of the caller's area (a catalogue of a few dozen: not paged)")
    public List<RescueTeam> list(@QueryParam("readiness") String readiness) {
        return service.list(Callers.of(identity), QueryParams.enumOf(Readiness.class, "readiness", readiness));
    }

    @GET
    @Path("/{id}")
    public RescueTeam get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @Operation(summary = "Record a team of the caller's area")
    public Response create(@NotNull @Valid TeamRequest request) {
        RescueTeam team = service.create(Callers.of(identity), request);
        return Created.at("/api/emergency/teams/" + team.id(), team);
    }

    @PUT
    @Path("/{id}")
    public RescueTeam update(@PathParam("id") String id, @NotNull @Valid TeamRequest request) {
        return service.update(Callers.of(identity), id, request);
    }
}
