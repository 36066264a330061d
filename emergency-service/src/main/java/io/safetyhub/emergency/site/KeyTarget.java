package io.safetyhub.emergency.site;

import java.time.Instant;

/** A key target (重点目标) of the catalogue: a place to protect or evacuate first, with how many people are there. */
public record KeyTarget(String id, String name, KeyTargetKind kind, Integer people, String address, String contact,
                        String phone, String district, String town, double longitude, double latitude,
                        Instant updatedAt, String updatedBy) implements Site {
}
