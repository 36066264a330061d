package io.safetyhub.platform;

/** Small text helpers every service needs alike. */
public final class Strings {
    private Strings() {
    }

    /** Null for null, empty or blank values (claims, optional fields, query parameters), else the text trimmed. */
    public static String blankToNull(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** True when the text holds a control character (NUL, escape, …) other than tab, CR and LF. */
    public static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
