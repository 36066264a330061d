package io.safetyhub.training.activity;

import java.time.LocalDate;
import java.util.List;

/** An activity for signed-in callers. */
public record ActivityView(String id, ActivityKind kind, String title, String organiser, String enterpriseId,
                           String district, LocalDate date, String place, String audience, int participants,
                           List<String> materials, long onlineReach) {
}
