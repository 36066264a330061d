package io.safetyhub.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BearerCredentialsTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
            "Bearer aaa.bbb.ccc            | WELL_FORMED",
            "bearer aaa.bbb.ccc            | WELL_FORMED",
            "Bearer   aaa.bbb.ccc          | WELL_FORMED",
            "Bearer ..                     | MALFORMED",
            "Bearer a.b                    | MALFORMED",
            "Bearer a b.c.d                | MALFORMED",
            "Bearer aaa.bbb.               | MALFORMED",
            "Bearer a.b.c.d.e              | MALFORMED",
            "Bearer                        | MALFORMED",
            "Bearer a.\"b\".c              | MALFORMED",
            "Basic dXNlcjpwYXNz            | NONE",
            "Bearerx aaa.bbb.ccc           | NONE",
    })
    void shouldClassifyHeaderWhenItIsRead(String header, BearerCredentials.Kind expected) {
        assertEquals(expected, BearerCredentials.classify(header));
    }

    @Test
    void shouldAnswerNoneWhenHeaderIsAbsent() {
        assertEquals(BearerCredentials.Kind.NONE, BearerCredentials.classify(null));
    }

    @Test
    void shouldRefuseTokenWhenItIsLongerThanAnyWeIssue() {
        String part = "x".repeat(BearerCredentials.MAX_TOKEN_LENGTH / 2);
        assertEquals(BearerCredentials.Kind.MALFORMED, BearerCredentials.classify("Bearer " + part + "." + part + ".sig"));
        assertEquals(BearerCredentials.Kind.MALFORMED, BearerCredentials.classify("Bearer " + "x".repeat(17_000)));
    }
}
