package io.safetyhub.emergency.accident;

import io.safetyhub.emergency.accident.ReportingDeadlines.GradeAt;
import io.safetyhub.emergency.accident.ReportingDeadlines.Step;
import io.safetyhub.emergency.accident.ReportingDeadlines.StepStatus;
import io.safetyhub.emergency.support.DefaultConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 国务院令第493号 第九条 (enterprise to county within 1 h), 第十条 (how far up by grade), 第十一条 (2 h per level). */
class ReportingDeadlinesTest {
    private static final Instant T = Instant.parse("2026-03-01T02:00:00Z");
    private final ReportingDeadlines deadlines = new ReportingDeadlines(DefaultConfig.get());

    private List<Step> steps(AccidentGrade grade, Map<ReportLevel, Instant> reported, Instant now) {
        return deadlines.steps(T, List.of(new GradeAt(grade, T)), reported, now);
    }

    @Test
    void shouldBeOnTimeWhenTheCountyHasItExactlyOneHourAfter() {
        Step county = steps(AccidentGrade.GENERAL, Map.of(ReportLevel.COUNTY, T.plusSeconds(3600)), T.plusSeconds(3600)).get(0);
        assertEquals(T.plusSeconds(3600), county.due());
        assertEquals(StepStatus.ON_TIME, county.status());
    }

    @Test
    void shouldFlagLateWhenTheCountyHasItOneSecondAfterTheHour() {
        Step county = steps(AccidentGrade.GENERAL, Map.of(ReportLevel.COUNTY, T.plusSeconds(3601)), T.plusSeconds(4000)).get(0);
        assertEquals(StepStatus.LATE, county.status());
    }

    @Test
    void shouldReportAGeneralAccidentUpToTheCityOnlyWhenGraded() {
        assertEquals(List.of(ReportLevel.COUNTY, ReportLevel.CITY),
                steps(AccidentGrade.GENERAL, Map.of(), T).stream().map(Step::level).toList());
    }

    @Test
    void shouldReportALargerAccidentUpToTheProvinceWhenGraded() {
        assertEquals(List.of(ReportLevel.COUNTY, ReportLevel.CITY, ReportLevel.PROVINCE),
                steps(AccidentGrade.LARGER, Map.of(), T).stream().map(Step::level).toList());
    }

    @Test
    void shouldReportAMajorAccidentUpToTheStateCouncilWhenGraded() {
        assertEquals(4, steps(AccidentGrade.MAJOR, Map.of(), T).size());
        assertEquals(4, steps(AccidentGrade.EXTRAORDINARY, Map.of(), T).size());
    }

    @Test
    void shouldGiveTheCityTwoHoursFromTheCountysReceiptWhenTheCountyHasIt() {
        Instant county = T.plusSeconds(1800);
        Step city = steps(AccidentGrade.GENERAL, Map.of(ReportLevel.COUNTY, county), T.plusSeconds(1900)).get(1);
        assertEquals(county.plusSeconds(7200), city.due());
        assertEquals(StepStatus.PENDING, city.status());
    }

    @Test
    void shouldCountFromTheCountysDeadlineWhenTheCountyHasNothingYet() {
        List<Step> steps = steps(AccidentGrade.GENERAL, Map.of(), T.plusSeconds(3601));
        assertEquals(StepStatus.OVERDUE, steps.get(0).status());
        assertEquals(T.plusSeconds(3600 + 7200), steps.get(1).due());
        assertEquals(StepStatus.PENDING, steps.get(1).status());
    }

    @Test
    void shouldGiveANewlyRequiredLevelTwoHoursFromTheRegradingWhenASupplementRaisedTheGrade() {
        Instant regraded = T.plus(java.time.Duration.ofDays(5));
        List<Step> steps = deadlines.steps(T, List.of(new GradeAt(AccidentGrade.GENERAL, T), new GradeAt(AccidentGrade.LARGER, regraded)),
                Map.of(ReportLevel.COUNTY, T.plusSeconds(600), ReportLevel.CITY, T.plusSeconds(3000)), regraded.plusSeconds(60));
        Step province = steps.get(2);
        assertEquals(regraded.plusSeconds(7200), province.due());
        assertEquals(StepStatus.PENDING, province.status());
    }
}
