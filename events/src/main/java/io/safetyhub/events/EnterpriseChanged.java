package io.safetyhub.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The registry entry of one enterprise as it now stands; published on every change to a compacted
 * topic so that other services keep a local view (names, districts, sectors) without calling
 * enterprise-service. {@code change == DELETED} is followed by a tombstone.
 *
 * @param sectors    industry sectors, UPPER_SNAKE (HAZARDOUS_CHEMICALS, CONSTRUCTION, TOWN_GAS…)
 * @param riskColour safety-risk colour (安全风险四色分级): RED, ORANGE, YELLOW, BLUE
 * @param status     OPERATING, SUSPENDED, CLOSED
 */
public record EnterpriseChanged(
        UUID eventId,
        Instant occurredAt,
        String source,
        Change change,
        String enterpriseId,
        String name,
        String uscc,
        String district,
        String town,
        List<String> sectors,
        String riskColour,
        String status,
        Double longitude,
        Double latitude) {

    public enum Change { CREATED, UPDATED, STATUS_CHANGED, DELETED }
}
