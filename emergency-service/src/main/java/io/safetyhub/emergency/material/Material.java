package io.safetyhub.emergency.material;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stock of one item at one place ({@code materials}). {@code quantity} only changes through a write of the
 * stock itself (a count) or a dispatch, never below zero.
 */
public record Material(String id, String item, String unit, long quantity, Tier tier, String district, String town,
                       String village, String location, Double longitude, Double latitude, LocalDate expiresOn,
                       LocalDate maintainedOn, LocalDate nextMaintenanceOn, long lowStockThreshold, Instant updatedAt,
                       String updatedBy) {
}
