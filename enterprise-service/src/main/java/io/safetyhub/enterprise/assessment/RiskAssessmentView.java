package io.safetyhub.enterprise.assessment;

import io.safetyhub.enterprise.enterprise.RiskColour;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An assessment with each row named by the guide's item, the totals, the score and the colour. */
public record RiskAssessmentView(String id, String enterpriseId, LocalDate assessedOn, String assessor,
                                 List<DeductionRow> deductions, List<BonusRow> bonuses, List<DirectRedRow> directRed,
                                 BigDecimal deducted, BigDecimal added, BigDecimal score, RiskColour colour,
                                 String note, String recordedBy, Instant recordedAt) {

    public record DeductionRow(String code, String category, String item, int max, BigDecimal points, String finding) {
    }

    public record BonusRow(String code, String item, int points) {
    }

    public record DirectRedRow(DirectRed condition, String text) {
    }

    static RiskAssessmentView of(RiskAssessment a) {
        List<DeductionRow> rows = a.deductions().stream().map(d -> {
            GuideItem item = GuideTable.item(d.code()).orElse(null);
            return new DeductionRow(d.code(), item == null ? null : item.category(), item == null ? null : item.item(),
                    item == null ? 0 : item.max(), d.points(), d.finding());
        }).toList();
        List<BonusRow> bonuses = a.bonuses().stream().map(code -> {
            GuideItem item = GuideTable.item(code).orElse(null);
            return new BonusRow(code, item == null ? null : item.item(), item == null ? 0 : item.max());
        }).toList();
        BigDecimal deducted = rows.stream().map(DeductionRow::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal added = BigDecimal.valueOf(bonuses.stream().mapToInt(BonusRow::points).sum());
        return new RiskAssessmentView(a.id(), a.enterpriseId(), a.assessedOn(), a.assessor(), rows, bonuses,
                a.directRed().stream().map(c -> new DirectRedRow(c, c.text())).toList(), deducted, added, a.score(),
                a.colour(), a.note(), a.recordedBy(), a.recordedAt());
    }
}
