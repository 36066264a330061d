package io.safetyhub.emergency.common;

import io.safetyhub.platform.rest.DomainException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Bounds of this service's input. Lists answer pages of at most {@link #MAX_PAGE}; nothing recorded happened before
 * {@link #EARLIEST} (the oldest accident a district keeps on file is far younger), so a typo such as year 0026 is
 * refused with the field named instead of being counted in the statistics.
 */
public final class Limits {
    public static final int MAX_PAGE = 100;
    public static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private Limits() {
    }

    /** 400 {@code INVALID_DATES} naming {@code field} unless {@code value} lies in [earliest, latest]. */
    public static void within(String field, LocalDate value, LocalDate earliest, LocalDate latest) {
        if (value != null && (value.isBefore(earliest) || value.isAfter(latest))) {
            throw DomainException.field("INVALID_DATES", field, "must be between " + earliest + " and " + latest);
        }
    }

    /** The same for an instant, judged by its date in the platform's zone. */
    public static void within(String field, Instant value, Instant earliest, Instant latest) {
        if (value != null && (value.isBefore(earliest) || value.isAfter(latest))) {
            throw DomainException.field("INVALID_DATES", field, "must be between " + earliest + " and " + latest);
        }
    }
}
