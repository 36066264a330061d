package io.safetyhub.enforcement.finding;

import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.roster.Sector;

import java.time.LocalDate;
import java.util.List;

/**
 * A failed checklist item of a completed inspection: it becomes a hazard in enterprise-service (published on
 * {@code enforcement.findings.v1}) and is re-inspected at its deadline.
 * <pre>
 * OPEN --re-inspection: rectified--> RECTIFIED
 *      --re-inspection: not rectified, GENERAL--> NOT_RECTIFIED
 *      --re-inspection: not rectified, MAJOR--> LISTED (挂牌督办) --lifted--> RECTIFIED
 * </pre>
 *
 * @param id        {@code <inspectionId>.<itemCode>}: the same finding always has the same id (the consumers' idempotency key)
 * @param published true once Kafka acknowledged it; the outbox job sends again what is still false
 */
public record Finding(String id, String inspectionId, String enterpriseId, String enterpriseName, String district,
                      String town, Sector sector, String itemCode, String item, String legalBasis, String note,
                      Inspection.Grade grade, LocalDate deadline, LocalDate inspectedOn, List<String> inspectors,
                      Status status, boolean published) {

    public Finding {
        inspectors = List.copyOf(inspectors);
    }

    public enum Status { OPEN, RECTIFIED, NOT_RECTIFIED, LISTED }

    /** The findings of an inspection: one per failed item, in checklist order. */
    public static List<Finding> of(Inspection inspection) {
        List<String> team = inspection.team().stream().map(Inspection.TeamMember::signature).toList();
        return inspection.items().stream().flatMap(item -> inspection.results().stream()
                .filter(r -> r.code().equals(item.code()) && r.outcome() == Inspection.Outcome.FAIL)
                .map(r -> new Finding(inspection.id() + "." + item.code(), inspection.id(), inspection.enterpriseId(),
                        inspection.enterpriseName(), inspection.district(), inspection.town(), inspection.sector(),
                        item.code(), item.text(), item.legalBasis(), r.note(), r.grade(), r.deadline(),
                        inspection.inspectedOn(), team, Status.OPEN, false))).toList();
    }
}
