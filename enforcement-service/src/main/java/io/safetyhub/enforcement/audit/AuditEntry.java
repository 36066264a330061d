package io.safetyhub.enforcement.audit;

import java.time.Instant;
import java.util.List;

/**
 * One state change, as the full record (全过程记录) keeps it: who, when, what moved from which state to which, and
 * why. {@code refs} ties it to the case, inspection, finding or draw it belongs to, so that one case's whole
 * history can be read back at once.
 *
 * @param subjectType DRAW, PLAN, INSPECTION, EVIDENCE, FINDING, REINSPECTION, SUPERVISION, CASE, POSTING, INSPECTOR,
 *                    CHECKLIST, VIOLATION
 * @param from        state before, or null for a creation
 * @param to          state after
 */
public record AuditEntry(String id, Instant at, String who, String role, String subjectType, String subjectId,
                         String action, String from, String to, String reason, String enterpriseId, String district,
                         String town, List<String> refs) {

    public AuditEntry {
        refs = refs == null ? List.of() : List.copyOf(refs);
    }
}
