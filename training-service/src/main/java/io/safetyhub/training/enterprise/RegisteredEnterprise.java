package io.safetyhub.training.enterprise;

import java.time.Instant;
import java.util.List;

/**
 * This service's local copy of a registry entry, kept from {@code enterprise.registry.v1} so that
 * personnel and certificate figures can be grouped by district and sector without calling
 * enterprise-service. Stored in {@code enterprises}, {@code _id} = enterprise id.
 *
 * @param sectors    UPPER_SNAKE sector names as the registry publishes them
 * @param asOf       {@code occurredAt} of the event this copy was taken from; older events are ignored
 * @param lastEventId id of that event, for tracing
 */
public record RegisteredEnterprise(String id, String name, String uscc, String district, String town,
                                   List<String> sectors, String riskColour, String status, Double longitude,
                                   Double latitude, Instant asOf, String lastEventId) {

    public RegisteredEnterprise {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}
