package io.safetyhub.enterprise.disclosure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource({"13812345678, 138****5678", "138-1234-5678, 138****5678", "023-66220003, 023****0003", "12345, *****"})
    void shouldKeepThreeInFrontAndFourBehindWhenMaskingPhone(String phone, String masked) {
        assertEquals(masked, PhoneMask.mask(phone));
    }
}
