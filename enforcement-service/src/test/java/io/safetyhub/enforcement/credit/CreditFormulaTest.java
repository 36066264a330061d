package io.safetyhub.enforcement.credit;

import io.safetyhub.enforcement.config.CreditConfig;
import io.safetyhub.enforcement.config.EnforcementConfigTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The credit formula (信易+安全) with the shipped weights: one rule per row. */
class CreditFormulaTest {
    private static final CreditConfig CREDIT = EnforcementConfigTest.defaults(Map.of()).credit();
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            penalty of 5000: 10 points, nothing per 10k              | PENALTY                    | 5000    | -10
            penalty of 30000: 10 + 3 per full 10k                    | PENALTY                    | 30000   | -13
            penalty of 500000: capped at 20                          | PENALTY                    | 500000  | -20
            revoked penalty of 30000 gives its 13 back               | PENALTY_REVOKED            | 30000   | 13
            rectified on time (按期整改) gives 1                       | RECTIFIED_ON_TIME          | 0       | 1
            not rectified at re-inspection (逾期未整改) takes 5         | NOT_RECTIFIED              | 0       | -5
            major hazard listed (挂牌督办) takes 15                     | MAJOR_HAZARD_LISTED        | 0       | -15
            alarm acknowledged late takes 2                          | SLOW_ALARM_ACKNOWLEDGEMENT | 0       | -2
            daily commitment missed (安全承诺) takes 1                  | COMMITMENT_MISSED          | 0       | -1
            包保 duty check overdue takes 2                            | DUTY_OVERDUE               | 0       | -2
            founded report (举报属实) takes 5                           | REPORT_FOUNDED             | 0       | -5
            drill held (应急管理部令第2号 第三十三条) gives 1              | DRILL_HELD                 | 0       | 1
            重大事故隐患 past its deadline (安全生产法 第四十一条) takes 10 | MAJOR_HAZARD_OVERDUE       | 0       | -10
            """)
    void shouldWeighEachEventAsSetWhenItIsEntered(String rule, CreditCause cause, long fine, int expected) {
        assertEquals(expected, CreditFormula.points(cause, fine, CREDIT.weights()), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            grade A from 90                | 90  | A
            grade A at the full 100        | 100 | A
            grade B from 75, below 90      | 89  | B
            grade B at exactly 75          | 75  | B
            grade C from 60                | 74  | C
            grade C at exactly 60          | 60  | C
            grade D below 60               | 59  | D
            grade D at 0                   | 0   | D
            """)
    void shouldGradeTheScoreWhenItCrossesABound(String rule, int score, CreditGrade expected) {
        assertEquals(expected, CreditFormula.grade(score, CREDIT.grades()), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            good credit, fewest inspections: A × 1 | A | 1
            B × 2                                 | B | 2
            C × 3                                 | C | 3
            bad credit, most inspections: D × 4   | D | 4
            """)
    void shouldMultiplyTheDrawWeightWhenTheGradeIsWorse(String rule, CreditGrade grade, int factor) {
        assertEquals(factor, CreditFormula.drawFactor(grade, CREDIT.drawFactors()), rule);
    }

    @Test
    void shouldCountOnlyTheLastYearWhenOlderEntriesExist() {
        List<CreditFormula.Entry> ledger = List.of(
                new CreditFormula.Entry(CreditCause.PENALTY, -13, NOW.minus(Duration.ofDays(400))),
                new CreditFormula.Entry(CreditCause.NOT_RECTIFIED, -5, NOW.minus(Duration.ofDays(10))),
                new CreditFormula.Entry(CreditCause.RECTIFIED_ON_TIME, 1, NOW.minus(Duration.ofDays(1))));
        assertEquals(96, CreditFormula.score(ledger, NOW, CREDIT));
    }

    @Test
    void shouldStayWithinZeroAndBaseWhenEntriesOverflow() {
        List<CreditFormula.Entry> bad = java.util.Collections.nCopies(8, new CreditFormula.Entry(CreditCause.PENALTY, -20, NOW));
        List<CreditFormula.Entry> good = java.util.Collections.nCopies(8, new CreditFormula.Entry(CreditCause.RECTIFIED_ON_TIME, 1, NOW));
        assertEquals(0, CreditFormula.score(bad, NOW, CREDIT));
        assertEquals(100, CreditFormula.score(good, NOW, CREDIT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            安全生产法 第二十七条、第三十条: every post certified (100 %) costs nothing      | 100.0 | 0
            安全生产法 第三十条: 90 % is the least without cost                             | 90.0  | 0
            安全生产法 第三十条: 89.9 % is below it and takes 5                              | 89.9  | -5
            安全生产法 第二十七条、第三十条: 3 of 5 certified (60 %) takes 5                   | 60.0  | -5
            安全生产法 第三十条: nobody certified takes the same 5, never more               | 0.0   | -5
            安全生产法 第二十七条: nobody in the three posts, nothing required: no cost        | null  | 0
            """)
    void shouldTakePointsWhenTheCertificateRateIsBelowTheThreshold(String rule, Double rate, int expected) {
        assertEquals(expected, CreditFormula.certificateRate(rate, CREDIT.weights()), rule);
    }

    /** A drill held so many days before NOW (-1: none) and a penalty of otherPoints (0: none), drills recorded since a day. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            第三十三条 (at least one drill a year): a drill 30 days ago, nothing taken          | 30  | 2024-01-01 | 0   | 100
            第三十三条: a drill 364 days ago still counts                                      | 364 | 2024-01-01 | 0   | 100
            第三十三条: the last drill 366 days ago: no drill in the year takes 5             | 366 | 2024-01-01 | 0   | 95
            第三十三条: never a drill takes 5                                                   | -1  | 2024-01-01 | 0   | 95
            第三十三条, not yet judged: drills recorded for less than a year, nothing taken   | -1  | 2026-06-01 | 0   | 100
            第三十三条: a drill 30 days ago gives 1 on top of a penalty                         | 30  | 2024-01-01 | -13 | 88
            第三十三条: no drill in the year and a penalty: both count                          | -1  | 2024-01-01 | -13 | 82
            """)
    void shouldTakePointsWhenNoDrillWasHeldInTheWindow(String rule, int drillDaysAgo, String recordedSince, int otherPoints,
                                                       int expected) {
        CreditConfig credit = EnforcementConfigTest.defaults(Map.of("enforcement.credit.weights.drills-recorded-since",
                recordedSince)).credit();
        List<CreditFormula.Entry> ledger = new java.util.ArrayList<>();
        if (drillDaysAgo >= 0) {
            ledger.add(new CreditFormula.Entry(CreditCause.DRILL_HELD, 1, NOW.minus(Duration.ofDays(drillDaysAgo))));
        }
        if (otherPoints != 0) {
            ledger.add(new CreditFormula.Entry(CreditCause.PENALTY, otherPoints, NOW.minus(Duration.ofDays(5))));
        }
        assertEquals(expected, CreditFormula.score(ledger, NOW, credit), rule);
    }

    @Test
    void shouldCountTheLatestCertificateRateWhenItIsOlderThanTheWindow() {
        // 安全生产法 第三十条: a rate is a state; a low one published two years ago and never improved still costs.
        List<CreditFormula.Entry> ledger = List.of(
                new CreditFormula.Entry(CreditCause.CERTIFICATE_RATE, -5, NOW.minus(Duration.ofDays(730))));
        assertEquals(95, CreditFormula.score(ledger, NOW, CREDIT));
    }
}
