package io.safetyhub.warning.stats;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alarm statistics for the regulator dashboard and the enterprise's own view. */
@Path("/api/stats/alarms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class StatsResource {
    private final AlarmStatsService stats;
    private final SecurityIdentity identity;

    public StatsResource(AlarmStatsService stats, SecurityIdentity identity) {
        this.stats = stats;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Open alarms by level/sector/district; mean and p90 time to acknowledge and clear")
    public AlarmStatsView alarms() {
        return stats.alarms(Callers.of(identity));
    }
}
