package io.safetyhub.enforcement.roster;

import java.time.Instant;
import java.util.List;

/**
 * An entry of the inspection-object roster (检查对象名录库), this service's copy of the registry entry published on
 * {@code enterprise.registry.v1}; {@code asOf} is the {@code occurredAt} of the event it was taken from, so an
 * older event never overwrites a newer copy.
 */
public record RosterEnterprise(String id, String name, String district, String town, List<String> sectors,
                               String riskColour, String status, Instant asOf) {

    public RosterEnterprise {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }

    /** Only operating enterprises are drawn: one suspended for rectification (停产整顿) is already under supervision. */
    public boolean drawable() {
        return "OPERATING".equals(status);
    }
}
