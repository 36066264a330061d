package io.safetyhub.platform;

/**
 * How personal data is shown in public views: phones masked whatever their length, identity-card numbers never in
 * full, names shortened. Public views call these; nothing public ever carries the raw value.
 */
public final class Masks {
    private Masks() {
    }

    /**
     * {@code 13812345678} -> {@code 138****5678} (the Chinese public-notice form for mobiles and landlines with area
     * code); shorter numbers (local landlines of 7–8 digits, extensions) hide at least half their digits and never
     * fewer than four, so no length is shown unmasked or half-masked.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        int n = digits.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        int front;
        int back;
        if (n >= 11) {
            front = 3;
            back = 4;
        } else {
            int visible = n - Math.max(4, (n + 1) / 2);
            front = visible / 2;
            back = visible - front;
        }
        return digits.substring(0, front) + "*".repeat(n - front - back) + digits.substring(n - back);
    }

    /** {@code 110105194912310025} -> {@code 110105********0025}: the division code and the last four stay. */
    public static String idCard(String number) {
        if (number == null || number.length() < 10) {
            return number == null ? null : "*".repeat(number.length());
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }

    /** {@code 陈建国} -> {@code 陈*国}, {@code 王芳} -> {@code 王*}: enough to recognise oneself, not to identify. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return name;
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
