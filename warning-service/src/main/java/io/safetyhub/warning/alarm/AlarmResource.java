package io.safetyhub.warning.alarm;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.security.Caller;
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

/** Alarms within the caller's scope: an enterprise its own, a district regulator its district. */
@Path("/api/alarms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alarms")
public class AlarmResource {
    private final AlarmQueryService alarms;
    private final SecurityIdentity identity;

    public AlarmResource(AlarmQueryService alarms, SecurityIdentity identity) {
        this.alarms = alarms;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "List alarms, newest first, within the caller's enterprise or district")
    public Page<AlarmView> list(@QueryParam("status") AlarmEvent.Status status,
                                @QueryParam("level") AlarmLevel level,
                                @QueryParam("enterpriseId") String enterpriseId,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return alarms.list(Caller.of(identity), status, level, enterpriseId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "One alarm, if it is within the caller's scope")
    public AlarmView get(@PathParam("id") String id) {
        return alarms.get(Caller.of(identity), id);
    }
}
