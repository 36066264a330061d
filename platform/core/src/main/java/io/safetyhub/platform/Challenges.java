package io.safetyhub.platform;

/** The RFC 6750 {@code WWW-Authenticate} challenges, the same from every service and the gateway. */
public final class Challenges {
    private Challenges() {
    }

    /** {@code invalidToken}: a token was sent and refused (bad, expired, malformed); otherwise none was sent. */
    public static String bearer(boolean invalidToken) {
        return invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
