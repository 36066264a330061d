package io.safetyhub.emergency.expert;

import java.time.Instant;

/** An expert of the expert library (专家库): who, in what, reached how; kept by the district that enrolled them. */
public record Expert(String id, String name, String specialty, String title, String organisation, String phone,
                     String district, Instant updatedAt, String updatedBy) {
}
