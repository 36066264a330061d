package io.safetyhub.enterprise.majorhazard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of identification and grading of one installation (GB 18218-2018 4.2 and 4.3).
 *
 * @param s     S = Σ qᵢ/Qᵢ; the installation is a major hazard when S ≥ 1
 * @param alpha α, the correction for the people within 500 m (表5)
 * @param r     R = α · Σ βᵢ · qᵢ/Qᵢ
 * @param major S ≥ 1
 * @param grade the grade by R (表6), null when the installation is not a major hazard
 * @param lines one per substance: what was taken from which table
 */
public record Assessment(BigDecimal s, BigDecimal alpha, BigDecimal r, boolean major, MajorHazardGrade grade,
                         List<Line> lines) {

    /**
     * One substance as assessed.
     *
     * @param substance       the name given
     * @param quantity        q, the maximum quantity present, tonnes
     * @param threshold       Q, tonnes
     * @param thresholdClause where Q comes from (表1 序号n, or 表2 and the category)
     * @param beta            β
     * @param betaClause      where β comes from (表3 and the gas, or 表4 and the category)
     */
    public record Line(String substance, BigDecimal quantity, BigDecimal threshold, String thresholdClause,
                       BigDecimal beta, String betaClause) {
    }
}
