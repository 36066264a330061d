package io.safetyhub.training.common;

/** How identities are shown to callers: never an identity-card number in full, names shortened in public. */
public final class Masks {
    private Masks() {
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
