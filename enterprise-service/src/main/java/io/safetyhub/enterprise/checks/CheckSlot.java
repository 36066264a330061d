package io.safetyhub.enterprise.checks;

import io.safetyhub.enterprise.riskpoint.CheckFrequency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a check task falls due in: a shift, a day, a week (Monday to Sunday) or a month, reckoned in the
 * platform's zone. A task's instance for a period is due at the period's end; not done by then, it is overdue.
 *
 * @param from  start of the period (inclusive)
 * @param due   end of the period (exclusive): the instance's due time
 * @param label a short, path-safe name of the period, part of the instance id (20261201T08, 20261201, 2026W49, 202612)
 */
public record CheckSlot(Instant from, Instant due, String label) {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The period of {@code frequency} that contains {@code now}. */
    public static CheckSlot containing(CheckFrequency frequency, Instant now, ZoneId zone, int shiftHours) {
        ZonedDateTime t = now.atZone(zone);
        LocalDate day = t.toLocalDate();
        return switch (frequency) {
            case PER_SHIFT -> {
                int start = t.getHour() / shiftHours * shiftHours;
                LocalDateTime from = day.atTime(start, 0);
                yield of(from.atZone(zone), from.plusHours(shiftHours).atZone(zone), HOUR.format(from));
            }
            case DAILY -> of(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone), DAY.format(day).substring(0, 8));
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield of(monday.atStartOfDay(zone), monday.plusWeeks(1).atStartOfDay(zone),
                        "W" + DAY.format(monday).substring(0, 8));
            }
            case MONTHLY -> {
                LocalDate first = day.withDayOfMonth(1);
                yield of(first.atStartOfDay(zone), first.plusMonths(1).atStartOfDay(zone),
                        DAY.format(first).substring(0, 6));
            }
        };
    }

    private static CheckSlot of(ZonedDateTime from, ZonedDateTime due, String label) {
        return new CheckSlot(from.toInstant(), due.toInstant(), label);
    }
}
