package io.safetyhub.training.error;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Enum and date query parameters, parsed here rather than by JAX-RS: a failed JAX-RS conversion of a query
 * parameter answers 404, while an unknown value is the caller's bad input (400 naming the parameter).
 */
public final class QueryParams {
    private QueryParams() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String code = "VALIDATION_FAILED";
            throw DomainException.invalidField(code, field, "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField("VALIDATION_FAILED", field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** A year such as {@code 2026}; anything else is the caller's bad input, not a 404. */
    public static Integer year(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range year
        }
        throw DomainException.invalidField("VALIDATION_FAILED", field, "'" + value + "' is not a year between 2000 and 2100");
    }
}
