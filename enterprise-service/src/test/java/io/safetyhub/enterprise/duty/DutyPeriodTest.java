package io.safetyhub.enterprise.duty;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The periods of the 2021 包保责任制办法's duty checks (主要负责人 and 技术负责人 quarterly by
 * default, 操作负责人 weekly; MONTHLY remains a setting), in Asia/Shanghai: calendar quarters, calendar months, ISO weeks Monday to Sunday; each row names the rule it checks.
 */
class DutyPeriodTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quarter: first day is Q1                       | QUARTERLY | 2026-01-01 | 2026-01-01 | 2026-04-01
            quarter: last day of Q1                        | QUARTERLY | 2026-03-31 | 2026-01-01 | 2026-04-01
            quarter: first day of Q2                       | QUARTERLY | 2026-04-01 | 2026-04-01 | 2026-07-01
            quarter: Q3 mid                                | QUARTERLY | 2026-08-15 | 2026-07-01 | 2026-10-01
            quarter: Q4 ends at the new year               | QUARTERLY | 2026-12-31 | 2026-10-01 | 2027-01-01
            month: first day                               | MONTHLY   | 2026-02-01 | 2026-02-01 | 2026-03-01
            month: February of a leap year has 29 days     | MONTHLY   | 2028-02-29 | 2028-02-01 | 2028-03-01
            month: December ends at the new year           | MONTHLY   | 2026-12-31 | 2026-12-01 | 2027-01-01
            ISO week: a Monday starts its week             | WEEKLY    | 2026-11-30 | 2026-11-30 | 2026-12-07
            ISO week: a Sunday ends the week begun Monday  | WEEKLY    | 2026-12-06 | 2026-11-30 | 2026-12-07
            ISO week: week 1 of 2026 begins in 2025        | WEEKLY    | 2026-01-01 | 2025-12-29 | 2026-01-05
            ISO week: week 53 of 2026 runs into 2027       | WEEKLY    | 2027-01-03 | 2026-12-28 | 2027-01-04
            """)
    void shouldFindPeriodBoundsWhenGivenADay(String rule, DutyFrequency frequency, LocalDate day, LocalDate start,
                                             LocalDate end) {
        DutyPeriod p = DutyPeriod.containing(frequency, day);
        assertEquals(start, p.start(), rule);
        assertEquals(end, p.end(), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            due at midnight Shanghai, 16:00 UTC the day before      | WEEKLY    | 2026-11-30 | 2026-12-06T16:00:00Z
            a quarter ends at midnight Shanghai on 1 April          | QUARTERLY | 2026-02-10 | 2026-03-31T16:00:00Z
            """)
    void shouldBeDueAtMidnightShanghaiWhenPeriodEnds(String rule, DutyFrequency frequency, LocalDate day, Instant due) {
        assertEquals(due, DutyPeriod.containing(frequency, day).dueBy(SHANGHAI), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a week under way when named is not owed                 | WEEKLY    | 2026-11-18 | 2026-12-01T04:00:00Z | 2026-11-23
            named on a Monday: that week is owed                    | WEEKLY    | 2026-11-16 | 2026-12-01T04:00:00Z | 2026-11-16;2026-11-23
            the week ends at 00:00 Shanghai: one second before, not | WEEKLY    | 2026-11-23 | 2026-11-29T15:59:59Z |
            the week ends at 00:00 Shanghai: at it, owed            | WEEKLY    | 2026-11-23 | 2026-11-29T16:00:00Z | 2026-11-23
            month named on the 1st, two months ended                | MONTHLY   | 2026-10-01 | 2026-12-01T04:00:00Z | 2026-10-01;2026-11-01
            quarter named mid-quarter: the next quarter only        | QUARTERLY | 2026-02-10 | 2026-12-01T04:00:00Z | 2026-04-01;2026-07-01
            nothing has ended yet                                   | QUARTERLY | 2026-10-01 | 2026-12-01T04:00:00Z |
            """)
    void shouldListEndedPeriodsWhenRoleWasNamedOnADay(String rule, DutyFrequency frequency, LocalDate since, Instant now,
                                                       String starts) {
        List<LocalDate> expected = starts == null ? List.of()
                : java.util.Arrays.stream(starts.split(";")).map(LocalDate::parse).toList();
        assertEquals(expected, DutyPeriod.endedSince(frequency, since, now, SHANGHAI).stream().map(DutyPeriod::start)
                .toList(), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            first day is inside        | 2026-11-30 | true
            last day is inside         | 2026-12-06 | true
            the next Monday is outside | 2026-12-07 | false
            the Sunday before, outside | 2026-11-29 | false
            """)
    void shouldCountACheckForItsWeekWhenItsDayFallsInside(String rule, LocalDate day, boolean inside) {
        assertEquals(inside, DutyPeriod.containing(DutyFrequency.WEEKLY, LocalDate.parse("2026-12-02")).contains(day), rule);
    }
}
