package io.safetyhub.adapter.connection;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The connection state of a device, for whoever may see the device (the console's device page). */
@Path("/api/devices/{id}/connection")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"regulator", "enterprise", "operator"})
@Tag(name = "devices", description = "Device registry (监测设备)")
public class ConnectionResource {
    private final DeviceService devices;
    private final ConnectionRepository connections;
    private final SecurityIdentity identity;

    public ConnectionResource(DeviceService devices, ConnectionRepository connections, SecurityIdentity identity) {
        this.devices = devices;
        this.connections = connections;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Whether the device is connected to an adapter now, its last connect and disconnect")
    public ConnectionView get(@PathParam("id") String id) {
        String deviceId = devices.get(Callers.of(identity), id).id();
        return ConnectionView.of(deviceId, connections.find(deviceId).orElse(null));
    }
}
