package io.safetyhub.enterprise.finding;

import io.safetyhub.events.InspectionFinding;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a hazard opened from a regulator's finding came from (collection {@code hazard_origins}, {@code _id} =
 * hazardId): the finding, the inspection, who inspected and the link back into enforcement-service.
 *
 * @param link path of the inspection in enforcement-service ({@code /api/enforcement/inspections/{id}}), reached
 *             through the gateway
 */
public record HazardOrigin(String hazardId, String findingId, String inspectionId, String enterpriseId, String itemCode,
                           String item, String legalBasis, String grade, LocalDate deadline, LocalDate inspectedOn,
                           List<String> inspectors, String link) {

    public HazardOrigin {
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
    }

    public static HazardOrigin of(InspectionFinding f) {
        return new HazardOrigin(FindingHazard.hazardId(f.findingId()), f.findingId(), f.inspectionId(), f.enterpriseId(),
                f.itemCode(), f.item(), f.legalBasis(), f.grade() == null ? null : f.grade().name(), f.deadline(),
                f.inspectedOn(), f.inspectors(), f.link());
    }
}
