package io.safetyhub.enterprise.assessment;

import io.safetyhub.enterprise.enterprise.RiskColour;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One 100-point assessment of a hazardous-chemical enterprise as recorded ({@code risk_assessments}): what was taken
 * off per item, the bonuses, the direct-red conditions found, and the score and colour computed from them.
 */
public record RiskAssessment(String id, String enterpriseId, String district, String town, LocalDate assessedOn,
                             String assessor, List<Item> deductions, List<String> bonuses, List<DirectRed> directRed,
                             BigDecimal score, RiskColour colour, String note, String recordedBy, Instant recordedAt) {

    public RiskAssessment {
        deductions = List.copyOf(deductions);
        bonuses = List.copyOf(bonuses);
        directRed = List.copyOf(directRed);
    }

    /** Points taken off one item, with what the assessor found. */
    public record Item(String code, BigDecimal points, String finding) {
    }
}
