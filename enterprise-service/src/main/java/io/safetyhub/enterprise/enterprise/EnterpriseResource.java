package io.safetyhub.enterprise.enterprise;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The enterprise registry over REST; tenant scope and role rules are applied by the services. */
@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "enterprises", description = "Enterprise registry (企业信息)")
public class EnterpriseResource {
    /** Largest page of any list here; the console asks for 100 at once. */
    static final int MAX_PAGE_SIZE = 100;

    private final EnterpriseService service;
    private final EnterpriseEditor editor;
    private final SecurityIdentity identity;

    public EnterpriseResource(EnterpriseService service, EnterpriseEditor editor, SecurityIdentity identity) {
        this.service = service;
        this.editor = editor;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Enterprises visible to the caller, in id order, one page at a time",
            description = "An enterprise user sees its own, a district regulator its district, others all. "
                    + "page from 0, size 1-" + MAX_PAGE_SIZE + " (default 20); enum filters case-insensitive.")
    public Page<EnterpriseView> list(@QueryParam("district") @Size(max = 50) String district,
                                     @QueryParam("sector") @Size(max = 64) String sector,
                                     @QueryParam("town") @Size(max = 50) String town,
                                     @QueryParam("riskColour") @Size(max = 64) String riskColour,
                                     @QueryParam("status") @Size(max = 64) String status,
                                     @QueryParam("q") @Size(max = 100) String q,
                                     @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        EnterpriseService.ListQuery query = new EnterpriseService.ListQuery(Strings.blankToNull(district),
                Strings.blankToNull(town), QueryParams.enumOf(Sector.class, "sector", sector),
                QueryParams.enumOf(RiskColour.class, "riskColour", riskColour),
                QueryParams.enumOf(EnterpriseStatus.class, "status", status), Strings.blankToNull(q));
        return service.list(Callers.of(identity), query, QueryParams.page(page, size, MAX_PAGE_SIZE));
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
        // A relative reference (RFC 9110 10.2.2): the public path behind the gateway, never this host and port.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/enterprises/" + created.id())
                .entity(created).build();
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
    @Operation(summary = "Audit trail of the enterprise's status changes, oldest first, one page at a time")
    public Page<AuditEntry> statusHistory(@PathParam("id") String id, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        return editor.statusHistory(Callers.of(identity), id, QueryParams.page(page, size, MAX_PAGE_SIZE));
    }
}
