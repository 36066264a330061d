package io.safetyhub.training.personnel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Resident identity-card number (公民身份号码) per GB 11643-1999: six digits of the division, eight of the
 * birth date, three of the sequence, and a check character computed with ISO 7064 MOD 11-2 ({@code X} = 10).
 */
public final class IdCardNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdCardNumber() {
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Upper-cased and trimmed, so that {@code x} and {@code X} are the same number. */
    public static String normalise(String number) {
        return number == null ? null : number.trim().toUpperCase(Locale.ROOT);
    }

    /** Null when valid; otherwise why not, for the caller. */
    public static String problem(String number) {
        String n = normalise(number);
        if (n == null || !n.matches("\\d{17}[0-9X]")) {
            return "must be 18 characters: 17 digits and a check digit or X (GB 11643-1999)";
        }
        try {
            LocalDate.parse(n.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            return "characters 7-14 are not a birth date (GB 11643-1999)";
        }
        if (checkCharacter(n.substring(0, 17)) != n.charAt(17)) {
            return "check digit is wrong (GB 11643-1999, ISO 7064 MOD 11-2)";
        }
        return null;
    }
}
