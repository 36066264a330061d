package io.safetyhub.enforcement.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Working days for the posting deadline (执法公示: within N working days of the decision). */
class WorkingDaysTest {
    // 2026-10-01..07 National Day holiday; Sunday 2026-10-11 a make-up working day (illustrative calendar).
    private static final WorkingDays CALENDAR = new WorkingDays(
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"),
                    LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07")),
            Set.of(LocalDate.parse("2026-10-11")));

    @ParameterizedTest(name = "{0} + {1} working days = {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23 | 7 | 2026-12-02 | Monday + 7 skips one weekend
            2026-11-27 | 1 | 2026-11-30 | Friday + 1 is Monday
            2026-11-28 | 1 | 2026-11-30 | a Saturday decision counts from Monday
            2026-09-30 | 1 | 2026-10-08 | the National Day holiday is not counted
            2026-10-09 | 1 | 2026-10-11 | a make-up Sunday (调休) is a working day
            2026-11-23 | 0 | 2026-11-23 | zero working days is the decision day itself
            """)
    void shouldCountOnlyWorkingDaysWhenAddingThem(LocalDate from, int days, LocalDate expected, String why) {
        assertEquals(expected, CALENDAR.after(from, days), why);
    }
}
