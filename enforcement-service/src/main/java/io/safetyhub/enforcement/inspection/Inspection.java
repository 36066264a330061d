package io.safetyhub.enforcement.inspection;

import io.safetyhub.enforcement.checklist.Checklist;
import io.safetyhub.enforcement.roster.Sector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One on-site inspection (现场检查) of a drawn enterprise by its drawn team, or of a reported one by the team its
 * report's handler named ({@code drawId} and {@code planId} null), against a copy of its sector's checklist.
 * <pre>
 * OPEN --results--> AWAITING_SIGNATURES --every inspector signed--> COMPLETED (findings published)
 * </pre>
 * Results may be entered again until the first inspector signs; a signature freezes them.
 */
public record Inspection(String id, String drawId, String planId, String enterpriseId, String enterpriseName,
                         String district, String town, Sector sector, String checklistId, String checklistVersion,
                         List<Checklist.Item> items, List<TeamMember> team, Status status, LocalDate inspectedOn,
                         List<ItemResult> results, List<Signature> signatures, String openedBy, Instant openedAt,
                         Instant completedAt) {

    public Inspection {
        items = List.copyOf(items);
        team = List.copyOf(team);
        results = results == null ? List.of() : List.copyOf(results);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    public enum Status { OPEN, AWAITING_SIGNATURES, COMPLETED }

    public enum Outcome { PASS, FAIL, NOT_APPLICABLE }

    /** Hazard grade of a failed item: 一般隐患 or 重大事故隐患. */
    public enum Grade { GENERAL, MAJOR }

    public record TeamMember(String inspectorId, String name, String badgeNumber) {
        public String signature() {
            return name + "（执法证号 " + badgeNumber + "）";
        }
    }

    /** The result of one item; grade and deadline only for a failed one. */
    public record ItemResult(String code, Outcome outcome, String note, Grade grade, LocalDate deadline) {
    }

    /** An inspector's sign-off: who signed, and under which account it was recorded. */
    public record Signature(String inspectorId, String recordedBy, Instant signedAt) {
    }

    public boolean resultsFrozen() {
        return status == Status.COMPLETED || !signatures.isEmpty();
    }

    /** Whether evidence may still be attached: before the first signature. */
    public boolean acceptsEvidence() {
        return !resultsFrozen();
    }
}
