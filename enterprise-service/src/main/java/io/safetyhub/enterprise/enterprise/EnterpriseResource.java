package io.safetyhub.enterprise.enterprise;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enterprise.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The enterprise registry over REST; tenant scope is applied by {@link EnterpriseService}. */
@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "enterprises", description = "Enterprise registry (企业信息)")
public class EnterpriseResource {
    private final EnterpriseService service;
    private final SecurityIdentity identity;

    public EnterpriseResource(EnterpriseService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Enterprises visible to the caller, in id order",
            description = "An enterprise user sees its own, a district regulator its district, others all.")
    public EnterprisePage list(@QueryParam("district") String district,
                               @QueryParam("sector") String sector,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(Caller.of(identity), blankToNull(district), sector, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One enterprise; 404 when it does not exist or is outside the caller's scope")
    public EnterpriseView get(@PathParam("id") String id) {
        return service.get(Caller.of(identity), id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
