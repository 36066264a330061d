package io.safetyhub.warning.delivery;

import io.quarkus.security.identity.SecurityIdentity;
import io.safetyhub.platform.rest.Callers;
import io.safetyhub.warning.alarm.AlarmQueryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The delivery status of an alarm's notices (issue 23 item 5), for the alarm page. Scoped exactly like the alarm:
 * whoever may read the alarm reads its deliveries, anyone else gets the alarm's 404. Under {@code /api/alarms} like
 * {@code AlarmResource}: RESTEasy Reactive merges resource classes of one path, where classes of nested paths can
 * shadow each other's methods.
 */
@Path("/api/alarms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alarms")
public class DeliveryResource {
    private final AlarmQueryService alarms;
    private final DeliveryLog deliveries;
    private final SecurityIdentity identity;

    public DeliveryResource(AlarmQueryService alarms, DeliveryLog deliveries, SecurityIdentity identity) {
        this.alarms = alarms;
        this.deliveries = deliveries;
        this.identity = identity;
    }

    /** Bounded by channels x changes x targets of one alarm, so not paged. */
    public record Deliveries(String alarmId, List<Delivery> items) {
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({"regulator", "enterprise", "operator"})
    @Operation(summary = "Per channel and target, the outcome of each notice of the alarm (SENT, FAILED, DROPPED)")
    public Deliveries list(@PathParam("id") String id) {
        alarms.visible(Callers.of(identity), id);
        return new Deliveries(id, deliveries.forAlarm(id));
    }
}
