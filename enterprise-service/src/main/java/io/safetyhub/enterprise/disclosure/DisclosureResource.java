package io.safetyhub.enterprise.disclosure;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Responsibility disclosure (责任公示) in full, for the enterprise and its regulators. */
@Path("/api/enterprises/{id}/disclosure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "disclosure", description = "Responsibility disclosure (责任公示)")
public class DisclosureResource {
    private final DisclosureService service;
    private final SecurityIdentity identity;

    public DisclosureResource(DisclosureService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "The enterprise's disclosure with full phone numbers")
    public DisclosureView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @PUT
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Publish or replace the enterprise's disclosure")
    public DisclosureView put(@PathParam("id") String id, @NotNull @Valid Disclosure disclosure) {
        return service.put(Callers.of(identity), id, disclosure);
    }
}
