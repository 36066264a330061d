package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.enterprise.Sector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A hazard as stored in MongoDB ({@code hazards}, {@code _id} = id). The enterprise's district and town are
 * copied in so that regulator views filter without a join; the audit trail is embedded so that a state change
 * and its entry are one atomic document write (the embedded server has no transactions).
 *
 * @param category the sector the hazard belongs to
 * @param funds    money set aside for rectification (整改资金), yuan
 * @param deadline last day of rectification, in the platform's zone
 */
public record Hazard(String id, String enterpriseId, String district, String town, HazardSource source,
                     HazardGrade grade, Sector category, String description, String responsiblePerson, String measures, Double funds,
                     LocalDate deadline, HazardStatus status, Instant reportedAt, Instant updatedAt,
                     List<AuditEntry> history) {

    public Hazard {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Past its deadline and not closed. */
    public boolean overdue(LocalDate today) {
        return status.open() && deadline != null && deadline.isBefore(today);
    }

    public Hazard moved(AuditEntry entry) {
        List<AuditEntry> longer = new java.util.ArrayList<>(history);
        longer.add(entry);
        return new Hazard(id, enterpriseId, district, town, source, grade, category, description, responsiblePerson,
                measures, funds, deadline, HazardStatus.valueOf(entry.to()), reportedAt, entry.at(), longer);
    }
}
