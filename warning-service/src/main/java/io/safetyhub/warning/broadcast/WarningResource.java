package io.safetyhub.warning.broadcast;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Government warnings to enterprises, with receipt confirmation. */
@Path("/api/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "warnings")
public class WarningResource {
    static final int MAX_PAGE_SIZE = 200;

    private final WarningService warnings;
    private final SecurityIdentity identity;

    public WarningResource(WarningService warnings, SecurityIdentity identity) {
        this.warnings = warnings;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("regulator")
    @Operation(summary = "Publish a warning to every enterprise of the districts and sectors")
    public WarningView publish(@NotNull @Valid WarningRequest request) {
        return warnings.publish(Callers.of(identity), request);
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Warnings within the caller's scope, newest first, paged")
    public Page<WarningView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return warnings.list(Callers.of(identity), QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "One warning; for regulators with who has not confirmed")
    public WarningView get(@PathParam("id") String id) {
        return warnings.get(Callers.of(identity), id);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed("enterprise")
    @Operation(summary = "Confirm receipt as the enterprise addressed")
    public WarningView confirm(@PathParam("id") String id) {
        return warnings.confirm(Callers.of(identity), id);
    }
}
