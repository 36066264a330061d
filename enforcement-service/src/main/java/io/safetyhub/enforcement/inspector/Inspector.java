package io.safetyhub.enforcement.inspector;

import io.safetyhub.enforcement.roster.Sector;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An inspector on the roster (执法检查人员名录库).
 *
 * @param badgeNumber 执法证号, unique
 * @param town        镇街 the inspector works for, or null for the whole district
 * @param sectors     sectors the inspector is qualified to inspect
 * @param conflicts   enterprises the inspector has declared a conflict of interest with (回避); never drawn for them
 * @param username    the Keycloak login that signs for this inspector, or null when signatures are taken on a
 *                    colleague's device against the badge number
 * @param active      false once the inspector has left the roster; past draws keep naming them
 */
public record Inspector(String id, String name, String badgeNumber, String district, String town, List<Sector> sectors,
                        List<Conflict> conflicts, String username, boolean active) {

    public Inspector {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /** A declared conflict of interest (利害关系回避). */
    public record Conflict(String enterpriseId, String reason) {
    }

    public Set<String> conflictingEnterprises() {
        return conflicts.stream().map(Conflict::enterpriseId).collect(Collectors.toSet());
    }

    /** How the inspector is named on documents: 张明（执法证号 50011300101）. */
    public String signature() {
        return name + "（执法证号 " + badgeNumber + "）";
    }
}
