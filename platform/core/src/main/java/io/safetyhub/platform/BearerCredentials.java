package io.safetyhub.platform;

import java.util.regex.Pattern;

/**
 * What an {@code Authorization} header holds, read before any token verifier sees it, so that a malformed bearer
 * credential is a refused token (401 {@code invalid_token}) everywhere and never reaches a parser that answers 500.
 * Plain Java, so the gateway (which has no JAX-RS) and the services judge a header alike.
 */
public final class BearerCredentials {
    /** RFC 6750 section 2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** Longer than any Keycloak token we issue by a wide margin; more is an attack on the verifier. */
    public static final int MAX_TOKEN_LENGTH = 16_384;
    private static final String SCHEME = "Bearer";

    /** The three answers a header can give. */
    public enum Kind {
        /** No header, or another scheme (Basic, …): the caller sent no bearer token. */
        NONE,
        /** {@code Bearer} and a compact JWS: three non-empty base64url parts. It still has to be verified. */
        WELL_FORMED,
        /** {@code Bearer} with nothing or something that cannot be a signed JWT: refuse it as an invalid token. */
        MALFORMED
    }

    private BearerCredentials() {
    }

    public static Kind classify(String authorization) {
        if (authorization == null) {
            return Kind.NONE;
        }
        String header = authorization.strip();
        if (header.equalsIgnoreCase(SCHEME)) {
            return Kind.MALFORMED;
        }
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.charAt(SCHEME.length()) != ' ') {
            return Kind.NONE;
        }
        return wellFormed(header.substring(SCHEME.length()).strip()) ? Kind.WELL_FORMED : Kind.MALFORMED;
    }

    /** A compact JWS: three non-empty b64token parts separated by dots, at most {@link #MAX_TOKEN_LENGTH} long. */
    public static boolean wellFormed(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        return parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty();
    }
}
