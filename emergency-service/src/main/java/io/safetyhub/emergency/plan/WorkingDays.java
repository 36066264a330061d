package io.safetyhub.emergency.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Counting working days (工作日) for the filing deadline: Saturdays, Sundays and the configured public holidays do not
 * count; the day of publication itself does not either ("自公布之日起20个工作日内": the first working day after it is day
 * one). Make-up working weekends (调休) are not modelled: the deadline errs a day or two in the filer's favour.
 */
public final class WorkingDays {
    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public LocalDate after(LocalDate start, int workingDays) {
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (working(day)) {
                counted++;
            }
        }
        return day;
    }

    public boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
