package io.safetyhub.enforcement.supervision;

import java.time.LocalDate;

/**
 * A major hazard put under listed supervision (挂牌督办) because a re-inspection found it not rectified; it stays on
 * the regulators' list until lifted (摘牌) once rectified.
 */
public record ListedSupervision(String id, String findingId, String inspectionId, String reinspectionId,
                                String enterpriseId, String enterpriseName, String district, String town, String item,
                                String legalBasis, String reason, LocalDate listedOn, LocalDate rectifyBy, Status status,
                                String listedBy, LocalDate liftedOn, String liftReason, String liftedBy) {

    public enum Status { LISTED, LIFTED }
}
