package io.safetyhub.enterprise.disclosure;

/** The public form of a phone number: 13812345678 -> 138****5678, enough to recognise, not to call. */
public final class PhoneMask {
    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        // Keep three in front and four behind, as Chinese public notices do; a landline keeps its area code length.
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
