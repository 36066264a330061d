package io.safetyhub.enterprise.duty;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * One period a duty check is owed for: a calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec), a calendar month or
 * an ISO week (Monday to Sunday), reckoned in the platform's zone. The check is owed by the period's end: the start
 * of the day after its last day.
 *
 * @param start first day (inclusive)
 * @param end   the day after the last day (exclusive)
 */
public record DutyPeriod(DutyFrequency frequency, LocalDate start, LocalDate end) {

    /** The period of {@code frequency} that contains {@code day}. */
    public static DutyPeriod containing(DutyFrequency frequency, LocalDate day) {
        return switch (frequency) {
            case QUARTERLY -> {
                LocalDate first = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                yield new DutyPeriod(frequency, first, first.plusMonths(3));
            }
            case MONTHLY -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new DutyPeriod(frequency, first, first.plusMonths(1));
            }
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new DutyPeriod(frequency, monday, monday.plusWeeks(1));
            }
        };
    }

    /**
     * The periods owed since a role was first assigned that have ended by {@code now}: those starting on or after
     * {@code since} (a period already under way when the holder was named is not owed), oldest first.
     */
    public static List<DutyPeriod> endedSince(DutyFrequency frequency, LocalDate since, Instant now, ZoneId zone) {
        DutyPeriod p = containing(frequency, since);
        if (p.start().isBefore(since)) {
            p = p.next();
        }
        List<DutyPeriod> ended = new ArrayList<>();
        while (!p.dueBy(zone).isAfter(now)) {
            ended.add(p);
            p = p.next();
        }
        return ended;
    }

    public DutyPeriod next() {
        return containing(frequency, end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /** The instant the period ends, by which its check is owed. */
    public Instant dueBy(ZoneId zone) {
        return end.atStartOfDay(zone).toInstant();
    }
}
