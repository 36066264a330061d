package io.safetyhub.training.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A publicity activity as stored in {@code activities}. {@code enterpriseId} is set when an enterprise
 * organised it (it then belongs to that enterprise); {@code district} places it for regulators and statistics.
 */
public record Activity(String id, ActivityKind kind, String title, String organiser, String enterpriseId, String district,
                       LocalDate date, String place, String audience, int participants, List<String> materials,
                       long onlineReach, String createdBy, Instant createdAt, Instant updatedAt) {

    public Activity {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
