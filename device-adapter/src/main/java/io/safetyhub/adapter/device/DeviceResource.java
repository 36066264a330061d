package io.safetyhub.adapter.device;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** The device registry over REST; tenant scope and role rules are applied by {@link DeviceService}. */
@Path("/api/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "devices", description = "Device registry (监测设备)")
public class DeviceResource {
    private final DeviceService service;
    private final SecurityIdentity identity;

    public DeviceResource(DeviceService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** The registry is small, but a city's worth of devices is still more than one answer should carry. */
    static final int MAX_PAGE_SIZE = 500;

    @GET
    @Operation(summary = "Devices visible to the caller, in id order, paged ({items,page,size,total}); optionally "
            + "of one enterprise and one protocol")
    public Page<DeviceResponse> list(@QueryParam("enterpriseId") String enterpriseId,
                                     @QueryParam("protocol") String protocol,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(Callers.of(identity), Strings.blankToNull(enterpriseId),
                QueryParams.enumOf(Protocol.class, "protocol", protocol), QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One device; 404 when it does not exist or is outside the caller's scope")
    public DeviceResponse get(@PathParam("id") String id) {
        return service.get(Callers.of(identity), id);
    }

    @POST
    @RolesAllowed("operator")
    @Operation(summary = "Register a device; 409 when the id (or its MQTT id) is taken")
    public Response create(@NotNull @Valid DeviceRequest request) {
        DeviceResponse created = service.create(Callers.of(identity), request);
        return Response.created(URI.create("/api/devices/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("operator")
    @Operation(summary = "Replace a device's entry (binding, units, interval, maintenance flag…)")
    public DeviceResponse replace(@PathParam("id") String id, @NotNull @Valid DeviceRequest request) {
        return service.replace(Callers.of(identity), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("operator")
    @Operation(summary = "Remove a device; its telemetry becomes UNKNOWN_DEVICE dead letters")
    public Response delete(@PathParam("id") String id) {
        service.delete(Callers.of(identity), id);
        return Response.noContent().build();
    }
}
