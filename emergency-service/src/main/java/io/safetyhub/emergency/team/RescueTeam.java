package io.safetyhub.emergency.team;

import java.time.Instant;

/** A rescue team (救援队伍) of the team library: specialty, strength, readiness, where it is based. */
public record RescueTeam(String id, String name, String specialty, int members, String leader, String phone,
                         Readiness readiness, String district, String town, String base, Double longitude, Double latitude,
                         Instant updatedAt, String updatedBy) {
}
