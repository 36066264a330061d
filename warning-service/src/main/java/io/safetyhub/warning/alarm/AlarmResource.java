package io.safetyhub.warning.alarm;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.Strings;
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

/** Alarms within the caller's scope: an enterprise its own, a district regulator its district. */
@Path("/api/alarms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alarms")
public class AlarmResource {
    static final int MAX_PAGE_SIZE = 200;

    private final AlarmQueryService alarms;
    private final AlarmLifecycleService lifecycle;
    private final SecurityIdentity identity;

    public AlarmResource(AlarmQueryService alarms, AlarmLifecycleService lifecycle, SecurityIdentity identity) {
        this.alarms = alarms;
        this.lifecycle = lifecycle;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "List alarms, newest first, within the caller's enterprise or district")
    public Page<AlarmView> list(@QueryParam("status") String status, @QueryParam("level") String level,
                                @QueryParam("enterpriseId") String enterpriseId, @QueryParam("page") String page,
                                @QueryParam("size") String size) {
        return alarms.list(Callers.of(identity), QueryParams.enumOf(AlarmEvent.Status.class, "status", status),
                QueryParams.enumOf(AlarmLevel.class, "level", level), Strings.blankToNull(enterpriseId),
                QueryParams.page(page, size, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "One alarm with its audit trail, if it is within the caller's scope")
    public AlarmView get(@PathParam("id") String id) {
        return alarms.get(Callers.of(identity), id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Acknowledge: ACTIVE -> ACKNOWLEDGED, CLEARED_UNACKNOWLEDGED -> CLEARED; stops escalation")
    public AlarmView acknowledge(@PathParam("id") String id, @Valid LifecycleRequests.Acknowledge request) {
        return lifecycle.acknowledge(Callers.of(identity), id, request);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Close a cleared, acknowledged alarm with a disposal note and cause")
    public AlarmView close(@PathParam("id") String id, @NotNull @Valid LifecycleRequests.Close request) {
        return lifecycle.close(Callers.of(identity), id, request);
    }

    @POST
    @Path("/shelves")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"enterprise", "operator"})
    @Operation(summary = "Shelve a device for a bounded maintenance window: its alarms are recorded, not notified")
    public Shelves.Shelf shelve(@NotNull @Valid LifecycleRequests.Shelve request) {
        return lifecycle.shelve(Callers.of(identity), request);
    }
}
