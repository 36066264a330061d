package io.safetyhub.platform.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters parsed here rather than by JAX-RS: a failed JAX-RS conversion answers 404, while an unknown
 * value is the caller's bad input, a 400 problem naming the parameter.
 */
public final class QueryParams {
    /** Page size when the caller names none. */
    public static final int DEFAULT_SIZE = 20;

    private QueryParams() {
    }

    /** An enum constant by name, case-insensitive; null for an absent parameter. */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.field(field, "'" + clip(value) + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A date {@code yyyy-MM-dd}; null for an absent parameter. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.field(field, "'" + clip(value) + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** An ISO-8601 instant such as {@code 2026-11-22T08:00:00Z}; null for an absent parameter. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.field(field, "'" + clip(value) + "' is not an ISO-8601 instant (2026-11-22T08:00:00Z)");
        }
    }

    /** A whole number within [min, max]; {@code fallback} for an absent parameter. */
    public static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw DomainException.field(field, "'" + clip(value) + "' is not a whole number between " + min + " and " + max);
    }

    /** A year such as {@code 2026} (2000–2100). */
    public static Integer year(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return integer(field, value, 0, 2000, 2100);
    }

    /** {@code page} (from 0) and {@code size} (1..maxSize, default {@link #DEFAULT_SIZE}), bounded so they never overflow. */
    public static PageRequest page(String page, String size, int maxSize) {
        int s = integer("size", size, Math.min(DEFAULT_SIZE, maxSize), 1, maxSize);
        int maxPage = (int) (PageRequest.MAX_OFFSET / s);
        int p = integer("page", page, 0, 0, maxPage);
        return new PageRequest(p, s);
    }

    /** Echoes at most 60 characters of a bad value: enough to recognise it, never a megabyte in an error body. */
    static String clip(String value) {
        String v = value.strip();
        return v.length() <= 60 ? v : v.substring(0, 60) + "…";
    }
}
