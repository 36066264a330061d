package io.safetyhub.enterprise.assessment;

import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2018 guide (危险化学品生产储存企业安全风险评估诊断分级指南（试行）): score = 100 − deductions + bonuses, red < 60,
 * orange 60–< 75, yellow 75–< 90, blue ≥ 90, and its four direct-red conditions. Each row names the rule it checks.
 */
class AssessmentCalculatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing taken off: 100, blue                                   | -                          | -      | 100  | BLUE
            blue from 90 (90 is blue)                                      | G1-1:10                    | -      | 90   | BLUE
            below 90 is yellow (89.5)                                      | G1-1:10;G1-4:0.5           | -      | 89.5 | YELLOW
            yellow from 75 (75 is yellow)                                  | G1-1:10;G1-3:10;G1-2:5     | -      | 75   | YELLOW
            below 75 is orange (74.5)                                      | G1-1:10;G1-3:10;G1-2:5;G1-4:0.5 | - | 74.5 | ORANGE
            orange from 60 (60 is orange)                                  | G1-1:10;G1-3:10;G2-1:10;G3-1:10 | - | 60   | ORANGE
            below 60 is red (59.5)                                         | G1-1:10;G1-3:10;G2-1:10;G3-1:10;G1-4:0.5 | - | 59.5 | RED
            a bonus lifts the score: 59.5 + 3 (专职消防队) = 62.5, orange  | G1-1:10;G1-3:10;G2-1:10;G3-1:10;G1-4:0.5 | B1 | 62.5 | ORANGE
            bonuses never lift the score above 100                         | G5-1:1                     | B2;B5  | 100  | BLUE
            the accident 项目 takes off its 10 分 at most (较大事故 10)    | G8-1:10                    | -      | 90   | BLUE
            every 项目 at its 分值: 100 − 100 = 0, red                     | G1-1:10;G1-2:5;G1-3:10;G1-4:5;G2-1:10;G3-1:10;G4-1:5;G5-1:10;G6-1:15;G7-1:10;G8-1:10 | - | 0 | RED
            """)
    void shouldScoreAndColourWhenItemsAreDeducted(String rule, String deductions, String bonuses, String score,
                                                   String colour) {
        AssessmentCalculator.Result r = AssessmentCalculator.assess(deductions(deductions), bonuses(bonuses), Set.of());
        assertEquals(0, new BigDecimal(score).compareTo(r.score()), rule + ": score " + r.score());
        assertEquals(RiskColour.valueOf(colour), r.colour(), rule);
    }

    @ParameterizedTest(name = "direct red: {0}")
    @EnumSource(DirectRed.class)
    void shouldBeRedWhateverTheScoreWhenADirectRedConditionHolds(DirectRed condition) {
        AssessmentCalculator.Result r = AssessmentCalculator.assess(List.of(), List.of("B2"), Set.of(condition));
        assertEquals(0, new BigDecimal("100").compareTo(r.score()), "the score stays as computed");
        assertEquals(RiskColour.RED, r.colour(), condition.text());
        assertTrue(r.directRed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            more than the item's maximum                 | G1-2:5.5        | -      | deductions[0].points
            more than its 项目 分值 (8 + 10 accidents)    | G8-1:18         | -      | deductions[0].points
            nothing taken off is not a deduction         | G1-1:0          | -      | deductions[0].points
            a negative deduction                         | G1-1:-1         | -      | deductions[0].points
            two decimal places                           | G1-1:1.25       | -      | deductions[0].points
            an item the guide does not have              | X9:1            | -      | deductions[0].code
            a bonus used as a deduction                  | B1:3            | -      | deductions[0].code
            the same item twice                          | G1-1:1;G1-1:2   | -      | deductions[1].code
            a bonus the guide does not have              | -               | B10    | bonuses[0]
            a deduction item used as a bonus             | -               | G1-1   | bonuses[0]
            two standardisation grades at once           | -               | B2;B3  | bonuses
            """)
    void shouldRefuseNamingTheFieldWhenARowIsOutsideTheGuide(String rule, String deductions, String bonuses,
                                                              String field) {
        DomainException e = assertThrows(DomainException.class,
                () -> AssessmentCalculator.assess(deductions(deductions), bonuses(bonuses), Set.of()), rule);
        assertEquals(400, e.status(), rule);
        assertEquals(List.of(field), e.errors().stream().map(Problem.FieldError::field).toList(), rule);
    }

    @Test
    void shouldListEveryItemOnceWithAPositiveMaximumWhenTableLoads() {
        List<GuideItem> items = GuideTable.items();
        assertEquals(20, items.size());
        assertEquals(items.size(), items.stream().map(GuideItem::code).distinct().count());
        items.forEach(i -> assertTrue(i.max() > 0 && !i.item().isBlank(), i.code()));
        assertEquals(100, items.stream().filter(i -> i.kind() == GuideItem.Kind.DEDUCTION).mapToInt(GuideItem::max).sum(),
                "the 项目 分值 of the guide's table make 100 (百分制)");
        assertEquals(4, DirectRed.values().length, "the guide names four direct-red conditions");
    }

    private static List<AssessmentCalculator.Deduction> deductions(String spec) {
        if (spec == null || "-".equals(spec)) {
            return List.of();
        }
        return Arrays.stream(spec.split(";")).map(s -> s.split(":"))
                .map(p -> new AssessmentCalculator.Deduction(p[0], new BigDecimal(p[1]))).toList();
    }

    private static List<String> bonuses(String spec) {
        return spec == null || "-".equals(spec) ? List.of() : List.of(spec.split(";"));
    }
}
