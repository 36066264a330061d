package io.safetyhub.warning.history;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.platform.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Telemetry history for charts. */
@Path("/api/readings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "readings")
public class HistoryResource {
    private final HistoryService history;
    private final SecurityIdentity identity;

    public HistoryResource(HistoryService history, SecurityIdentity identity) {
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Readings of one device and metric, min/max/avg per step (ISO-8601, e.g. PT5M)")
    public HistoryView query(@QueryParam("deviceId") @NotBlank String deviceId,
                             @QueryParam("metric") @NotBlank String metric,
                             @QueryParam("from") @NotNull String from,
                             @QueryParam("to") @NotNull String to,
                             @QueryParam("step") @DefaultValue("PT1M") String step) {
        return history.query(Callers.of(identity), deviceId, metric, QueryParams.instant("from", from),
                QueryParams.instant("to", to), duration(step));
    }

    private static Duration duration(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.field("step", "must be an ISO-8601 duration such as PT5M");
        }
    }
}
