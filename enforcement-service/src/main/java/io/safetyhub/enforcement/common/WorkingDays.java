package io.safetyhub.enforcement.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days (工作日): Monday to Friday, less public holidays, plus the weekend days made up for them (调休).
 * The calendar is configuration, not code: the State Council publishes it each December.
 */
public record WorkingDays(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    public WorkingDays {
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}-th working day after {@code from} (from itself does not count, as in "within 7 working days"). */
    public LocalDate after(LocalDate from, int n) {
        LocalDate day = from;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
