package io.safetyhub.enforcement.inspector;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.enforcement.common.Paging;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
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

import java.net.URI;

import static io.safetyhub.platform.Strings.blankToNull;

/** The inspector roster (执法人员名录库). */
@Path("/api/enforcement/inspectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "operator"})
@Tag(name = "inspectors", description = "执法人员名录库")
public class InspectorResource {
    private final InspectorService service;
    private final SecurityIdentity identity;

    public InspectorResource(
            InspectorService service,
            SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Inspectors of the caller's district (all for operators and city regulators), with their declared conflicts, paged")
    public Page<Inspector> list(@QueryParam("district") String district, @QueryParam("page") String page,
                                @QueryParam("size") String size) {
        PageRequest request = QueryParams.page(page, size, Paging.MAX_SIZE);
        return Page.slice(service.list(caller(), blankToNull(district)), request);
    }

    @GET @Path("/{id}")
    @Operation(summary = "One inspector")
    public Inspector get(@PathParam("id") String id) {
        return service.get(caller(), id);
    }

    @POST
    @RolesAllowed("operator")
    @Operation(summary = "Add an inspector (operators)")
    public Response create(@NotNull @Valid InspectorRequest request) {
        Inspector created = service.create(caller(), request);
        return Response.created(URI.create("/api/enforcement/inspectors/" + created.id())).entity(created).build();
    }

    @PUT @Path("/{id}")
    @RolesAllowed("operator")
    @Operation(summary = "Replace an inspector: sectors, declared conflicts, active (operators)")
    public Inspector replace(@PathParam("id") String id, @NotNull @Valid InspectorRequest request) {
        return service.replace(caller(), id, request);
    }

    private Caller caller() {
        return Callers.of(identity);
    }
}
