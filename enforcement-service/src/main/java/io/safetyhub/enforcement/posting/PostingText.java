package io.safetyhub.enforcement.posting;

import io.safetyhub.platform.Masks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text that goes public: identity-card numbers, mobile and landline numbers, and the party's
 * own name wherever the facts repeat it. Enterprise names and decision numbers are public by law and stay.
 */
public final class PostingText {
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");

    private PostingText() {
    }

    public static String mask(String text, String party) {
        if (text == null) {
            return null;
        }
        String out = replace(ID_CARD, text, Masks::idCard);
        out = replace(MOBILE, out, Masks::phone);
        out = replace(LANDLINE, out, Masks::phone);
        if (party != null && party.codePointCount(0, party.length()) >= 2) {
            out = out.replace(party, Masks.name(party));
        }
        return out;
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
