package io.safetyhub.emergency.plan;

import io.safetyhub.emergency.support.DefaultConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 应急管理部令第2号 第二十六条 (filing within 20 working days) and 第三十五条 (revision every 3 years). */
class PlanScheduleTest {
    private final PlanSchedule schedule = new PlanSchedule(DefaultConfig.get());

    @ParameterizedTest(name = "published {0}: filing due {1}")
    @CsvSource(textBlock = """
            2026-03-02, 2026-03-30
            2026-03-06, 2026-04-03
            2026-03-07, 2026-04-03
            """)
    void shouldCountTwentyWorkingDaysWhenWeekendsIntervene(LocalDate published, LocalDate due) {
        assertEquals(due, schedule.filingDue(published));
    }

    @Test
    void shouldSkipAHolidayWhenTheYearsHolidaysAreConfigured() {
        WorkingDays days = new WorkingDays(Set.of(LocalDate.of(2026, 3, 3)));
        assertEquals(LocalDate.of(2026, 3, 5), days.after(LocalDate.of(2026, 3, 2), 2));
    }

    @Test
    void shouldBeOverdueWhenNotFiledTheDayAfterTheDeadline() {
        LocalDate published = LocalDate.of(2026, 3, 2);
        assertFalse(schedule.filingOverdue(published, FilingStatus.NOT_FILED, LocalDate.of(2026, 3, 30)));
        assertTrue(schedule.filingOverdue(published, FilingStatus.NOT_FILED, LocalDate.of(2026, 3, 31)));
        assertTrue(schedule.filingOverdue(published, FilingStatus.RETURNED, LocalDate.of(2026, 3, 31)));
        assertFalse(schedule.filingOverdue(published, FilingStatus.FILED, LocalDate.of(2026, 3, 31)));
    }

    @Test
    void shouldDueARevisionThreeYearsAfterPublicationWhenNothingNewerWasPublished() {
        LocalDate published = LocalDate.of(2023, 5, 10);
        assertEquals(LocalDate.of(2026, 5, 10), schedule.revisionDue(published));
        assertFalse(schedule.revisionOverdue(published, LocalDate.of(2026, 5, 10)));
        assertTrue(schedule.revisionOverdue(published, LocalDate.of(2026, 5, 11)));
    }
}
