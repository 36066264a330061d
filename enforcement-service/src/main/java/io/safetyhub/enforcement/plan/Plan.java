package io.safetyhub.enforcement.plan;

import io.safetyhub.enforcement.roster.Sector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An enforcement plan (年度/月度执法计划) of one district, or of one town (镇街) within it: how many enterprises of
 * each sector are to be inspected in the period, and how strongly each risk colour weighs in the draw.
 *
 * @param drawId  the plan's effective draw, or null before the first draw
 * @param weights relative draw weight per risk colour (RED, ORANGE, YELLOW, BLUE), the plan's own or the defaults
 *                ({@code enforcement.draw.weights}) as they stood when the plan was made
 */
public record Plan(String id, String title, String district, String town, LocalDate periodStart, LocalDate periodEnd,
                   List<Quota> quotas, Map<String, Integer> weights, String createdBy, Instant createdAt, String drawId) {

    public Plan {
        quotas = List.copyOf(quotas);
        weights = Map.copyOf(weights);
    }

    /** Enterprises of one sector to inspect in the period. */
    public record Quota(Sector sector, int count) {
    }
}
