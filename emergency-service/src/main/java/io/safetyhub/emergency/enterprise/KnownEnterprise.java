package io.safetyhub.emergency.enterprise;

import java.time.Instant;
import java.util.List;

/**
 * An enterprise as {@code enterprise.registry.v1} last described it: where it is (district, town, coordinates for
 * the command map), its sectors (an accident's default sector) and its risk colour. {@code asOf} is the event's
 * {@code occurredAt}: an older event never overwrites a newer copy.
 */
public record KnownEnterprise(String id, String name, String district, String town, List<String> sectors,
                              String riskColour, String status, Double longitude, Double latitude, Instant asOf) {

    public KnownEnterprise {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}
