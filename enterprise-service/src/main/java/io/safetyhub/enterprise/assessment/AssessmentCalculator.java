package io.safetyhub.enterprise.assessment;

import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.rest.DomainException;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The 2018 guide's 100-point assessment: score = 100 − Σ deductions + Σ bonuses, kept within 0–100; red below 60,
 * orange 60 to below 75, yellow 75 to below 90, blue from 90 (评估诊断分级); any direct-red condition makes it red
 * whatever the score. Decimal arithmetic, so 59.5 is red and 60 is orange exactly.
 */
public final class AssessmentCalculator {
    static final BigDecimal FULL = BigDecimal.valueOf(100);
    static final BigDecimal ORANGE_FROM = BigDecimal.valueOf(60);
    static final BigDecimal YELLOW_FROM = BigDecimal.valueOf(75);
    static final BigDecimal BLUE_FROM = BigDecimal.valueOf(90);

    private AssessmentCalculator() {
    }

    /** Points taken off for one item. */
    public record Deduction(String code, BigDecimal points) {
    }

    /** The score, the colour and why. */
    public record Result(BigDecimal score, RiskColour colour, boolean directRed) {
    }

    /** Checks every row against the guide's table (400 naming the field) and computes the result. */
    public static Result assess(List<Deduction> deductions, List<String> bonuses, Set<DirectRed> directRed) {
        BigDecimal taken = BigDecimal.ZERO;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < deductions.size(); i++) {
            Deduction d = deductions.get(i);
            String field = "deductions[" + i + "]";
            GuideItem item = GuideTable.item(d.code()).filter(x -> x.kind() == GuideItem.Kind.DEDUCTION)
                    .orElseThrow(() -> DomainException.field("UNKNOWN_ITEM", field + ".code",
                            "not a scored item of the 2018 guide (GET /api/risk-assessments/items)"));
            if (!seen.add(item.code())) {
                throw DomainException.field("DUPLICATE_ITEM", field + ".code", item.code() + " is deducted twice");
            }
            if (d.points() == null || d.points().signum() <= 0 || d.points().compareTo(BigDecimal.valueOf(item.max())) > 0) {
                throw DomainException.field("DEDUCTION_OUT_OF_RANGE", field + ".points",
                        "item " + item.code() + " takes off more than 0 and at most " + item.max() + " points");
            }
            if (d.points().stripTrailingZeros().scale() > 1) {
                throw DomainException.field("DEDUCTION_OUT_OF_RANGE", field + ".points", "at most one decimal place");
            }
            taken = taken.add(d.points());
        }
        BigDecimal added = BigDecimal.ZERO;
        Set<String> granted = new HashSet<>();
        for (int i = 0; i < bonuses.size(); i++) {
            String field = "bonuses[" + i + "]";
            GuideItem item = GuideTable.item(bonuses.get(i)).filter(x -> x.kind() == GuideItem.Kind.BONUS)
                    .orElseThrow(() -> DomainException.field("UNKNOWN_ITEM", field, "not a bonus of the 2018 guide"));
            if (!granted.add(item.code())) {
                throw DomainException.field("DUPLICATE_ITEM", field, item.code() + " is granted twice");
            }
            added = added.add(BigDecimal.valueOf(item.max()));
        }
        if (granted.stream().filter(GuideTable.STANDARDISATION::contains).count() > 1) {
            throw DomainException.field("DUPLICATE_ITEM", "bonuses", "one standardisation grade at most (B2, B3, B4)");
        }
        BigDecimal score = FULL.subtract(taken).add(added).max(BigDecimal.ZERO).min(FULL);
        boolean red = !directRed.isEmpty();
        return new Result(score, red ? RiskColour.RED : colourOf(score), red);
    }

    /** The colour of a score alone (评估诊断分级): red < 60 ≤ orange < 75 ≤ yellow < 90 ≤ blue. */
    public static RiskColour colourOf(BigDecimal score) {
        if (score.compareTo(ORANGE_FROM) < 0) {
            return RiskColour.RED;
        }
        if (score.compareTo(YELLOW_FROM) < 0) {
            return RiskColour.ORANGE;
        }
        if (score.compareTo(BLUE_FROM) < 0) {
            return RiskColour.YELLOW;
        }
        return RiskColour.BLUE;
    }
}
