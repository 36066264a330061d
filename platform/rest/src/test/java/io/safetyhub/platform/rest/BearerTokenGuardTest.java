package io.safetyhub.platform.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BearerTokenGuardTest {

    /** RFC 6750 2.1 b64token, and the three parts of a compact JWS (RFC 7515 7.1). */
    @ParameterizedTest(name = "''{0}'' well-formed: {1}")
    @CsvSource({
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl, true",
            "a.b.c, true",
            "'..', false",
            "a.b, false",
            "a..c, false",
            "'a b.c.d', false",
            "a.b.c.d, false",
            "'', false",
            "a.b.c%, false",
    })
    void shouldTellWellFormedTokensWhenHeaderIsParsed(String token, boolean expected) {
        assertEquals(expected, BearerTokenGuard.wellFormed(token));
    }
}
