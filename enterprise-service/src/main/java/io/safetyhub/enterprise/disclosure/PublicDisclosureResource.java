package io.safetyhub.enterprise.disclosure;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public, anonymous side of the disclosure: what a QR code at the enterprise's gate opens. */
@Path("/api/public/enterprises/{id}/disclosure")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "public", description = "Anonymous, read-only")
public class PublicDisclosureResource {
    private final DisclosureService service;

    public PublicDisclosureResource(DisclosureService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The disclosure with phones masked (138****5678); no identity-card numbers exist in it")
    public DisclosureView get(@PathParam("id") String id) {
        return service.publicView(id);
    }
}
