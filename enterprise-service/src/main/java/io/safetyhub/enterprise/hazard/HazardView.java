package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.enterprise.Sector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A hazard as the REST API shows it.
 *
 * @param overdue open and past its deadline
 * @param ageDays whole days since it was reported
 */
public record HazardView(String id, String enterpriseId, String district, String town, HazardSource source,
                         HazardGrade grade, Sector category, String description, String responsiblePerson, String measures, Double funds,
                         LocalDate deadline, HazardStatus status, boolean overdue, long ageDays, Instant reportedAt,
                         Instant updatedAt, List<AuditEntry> history) {
}
