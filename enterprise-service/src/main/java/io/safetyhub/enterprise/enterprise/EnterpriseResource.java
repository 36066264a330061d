package io.safetyhub.enterprise.enterprise;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import java.net.URI;
import java.util.List;

/** The enterprise registry over REST; tenant scope and role rules are applied by the services. */
@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "enterprises", description = "Enterprise registry (企业信息)")
public class EnterpriseResource {
    private final EnterpriseService service;
    private final EnterpriseEditor editor;
    private final SecurityIdentity identity;

    public EnterpriseResource(EnterpriseService service, EnterpriseEditor editor, SecurityIdentity identity) {
        this.service = service;
        this.editor = editor;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Enterprises visible to the caller, in id order",
            description = "An enterprise user sees its own, a district regulator its district, others all.")
    public EnterprisePage list(@QueryParam("district") String district,
                               @QueryParam("sector") String sector,
                               @QueryParam("town") String town,
                               @QueryParam("riskColour") String riskColour,
                               @QueryParam("status") String status,
                               @QueryParam("q") @Size(max = 100) String q,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(Callers.of(identity), new EnterpriseService.ListQuery(blankToNull(district), sector,
                blankToNull(town), riskColour, status, blankToNull(q)), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One enterprise; 404 when it does not exist or is outside the caller's scope")
    public EnterpriseView get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @RolesAllowed({"regulator", "operator"})
    @Operation(summary = "Register an enterprise (status OPERATING); 409 when the id or USCC is taken")
    public Response create(@NotNull @Valid EnterpriseRequest request) {
        EnterpriseView created = editor.create(Callers.of(identity), request);
        return Response.created(URI.create("/api/enterprises/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an entry's fields (not its status)")
    public EnterpriseView update(@PathParam("id") String id, @NotNull @Valid EnterpriseRequest request) {
        return editor.update(Callers.of(identity), id, request);
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed("regulator")
    @Operation(summary = "Regulator's order: operating, suspended (停产整顿) or closed; audited")
    public EnterpriseView changeStatus(@PathParam("id") String id, @NotNull @Valid StatusChangeRequest request) {
        return editor.changeStatus(Callers.of(identity), id, request);
    }

    @GET
    @Path("/{id}/status-history")
    @Operation(summary = "Audit trail of the enterprise's status changes")
    public List<AuditEntry> statusHistory(@PathParam("id") String id) {
        return editor.statusHistory(Callers.of(identity), id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
