package io.safetyhub.enterprise.finding;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The link back from a hazard a regulator's inspection opened to that inspection. */
@Path("/api/hazards/{id}/origin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "hazards")
public class HazardOriginResource {
    private final FindingHazards findings;
    private final SecurityIdentity identity;

    public HazardOriginResource(FindingHazards findings, SecurityIdentity identity) {
        this.findings = findings;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The inspection finding a hazard was opened from (source REGULATOR_INSPECTION)",
            description = "findingId, inspection, item, legal basis, inspectors, deadline and the link to the inspection "
                    + "in enforcement-service; 404 for a hazard not opened from a finding or out of the caller's scope.")
    public HazardOrigin get(@PathParam("id") String id) {
        return findings.origin(Callers.of(identity), id);
    }
}
