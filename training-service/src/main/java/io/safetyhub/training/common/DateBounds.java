package io.safetyhub.training.common;

import io.safetyhub.platform.rest.DomainException;

import java.time.LocalDate;

/**
 * How far the dates of a request may reach, so that a typo or a probe (year 9999, year 1) is refused with the field
 * named instead of being stored, ranked first or last in every list and kept on the public page for ever:
 * <ul>
 *   <li>nothing this service records (hiring, certificate issue, training, exam, activity) happened before
 *       {@link #EARLIEST};</li>
 *   <li>nothing is planned further ahead than {@link #PLANNING_YEARS} (a hiring date, an activity);</li>
 *   <li>no certificate term (expiry, next review) ends more than {@link #MAX_TERM_YEARS} after its issue: the longest
 *       statutory term of the kinds tracked is 6 years (特种作业操作证, 总局令30号 第十九条).</li>
 * </ul>
 */
public final class DateBounds {
    public static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
    public static final int PLANNING_YEARS = 1;
    public static final int MAX_TERM_YEARS = 10;

    private DateBounds() {
    }

    /** The latest date a plan made on {@code today} may name. */
    public static LocalDate planningHorizon(LocalDate today) {
        return today.plusYears(PLANNING_YEARS);
    }

    /** 400 {@code INVALID_DATES} naming {@code field} unless {@code date} (null: absent, accepted) is within the bounds. */
    public static void require(String field, LocalDate date, LocalDate earliest, LocalDate latest) {
        if (date != null && (date.isBefore(earliest) || date.isAfter(latest))) {
            throw DomainException.field("INVALID_DATES", field, "must be between " + earliest + " and " + latest);
        }
    }
}
