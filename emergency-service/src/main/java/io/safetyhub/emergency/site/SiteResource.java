package io.safetyhub.emergency.site;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
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

/** Shelters (避难场所) and key targets (重点目标): regulators read their area's, operators keep the catalogue. */
@Path("/api/emergency")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "sites", description = "避难场所与重点目标")
public class SiteResource {
    private final SiteService service;
    private final SecurityIdentity identity;

    public SiteResource(SiteService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("/shelters")
    @Operation(summary = "Shelters of the caller's area (a catalogue of a few hundred: not paged)")
    public List<Shelter> shelters(@QueryParam("shelterClass") String shelterClass) {
        return service.shelters(caller(), QueryParams.enumOf(ShelterClass.class, "shelterClass", shelterClass));
    }

    @GET
    @Path("/shelters/{id}")
    public Shelter shelter(@PathParam("id") String id) {
        return service.shelter(caller(), id);
    }

    @POST
    @Path("/shelters")
    @Operation(summary = "Record a shelter (operators)")
    public Response createShelter(@NotNull @Valid ShelterRequest request) {
        Shelter shelter = service.putShelter(caller(), null, request);
        return Created.at("/api/emergency/shelters/" + shelter.id(), shelter);
    }

    @PUT
    @Path("/shelters/{id}")
    @Operation(summary = "Replace a shelter's record (operators)")
    public Shelter updateShelter(@PathParam("id") String id, @NotNull @Valid ShelterRequest request) {
        return service.putShelter(caller(), id, request);
    }

    @GET
    @Path("/key-targets")
    @Operation(summary = "Key targets of the caller's area (not paged)")
    public List<KeyTarget> keyTargets(@QueryParam("kind") String kind) {
        return service.keyTargets(caller(), QueryParams.enumOf(KeyTargetKind.class, "kind", kind));
    }

    @GET
    @Path("/key-targets/{id}")
    public KeyTarget keyTarget(@PathParam("id") String id) {
        return service.keyTarget(caller(), id);
    }

    @POST
    @Path("/key-targets")
    @Operation(summary = "Record a key target (operators)")
    public Response createKeyTarget(@NotNull @Valid KeyTargetRequest request) {
        KeyTarget target = service.putKeyTarget(caller(), null, request);
        return Created.at("/api/emergency/key-targets/" + target.id(), target);
    }

    @PUT
    @Path("/key-targets/{id}")
    @Operation(summary = "Replace a key target's record (operators)")
    public KeyTarget updateKeyTarget(@PathParam("id") String id, @NotNull @Valid KeyTargetRequest request) {
        return service.putKeyTarget(caller(), id, request);
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
