package io.safetyhub.enterprise.enterprise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 32100-2015 check character, against codes published by real registrants and the standard itself. */
class UsccTest {

    @ParameterizedTest
    @CsvSource({
            "91500113MA5U4XYD7T, a 巴南区 company (check T)",
            "91500112MA60B2KW3L, a 渝北区 company (check L)",
            "91500113203456789N, a 巴南区 code with an old-style organisation code",
            "914403001922038216, Huawei Technologies Co. Ltd (digit check)",
            "9144030071526726XG, Shenzhen Tencent Computer Systems (X inside the organisation code)",
            "91330100799655058B, Alibaba (China) Co. Ltd",
            "91350100M000100Y43, the worked example of GB 32100-2015",
    })
    void shouldAcceptCodeWhenCheckCharacterMatches(String code, String whose) {
        assertTrue(Uscc.isValid(code), whose);
        assertEquals(code.charAt(17), Uscc.checkCharacter(code.substring(0, 17)), whose);
    }

    @ParameterizedTest
    @CsvSource({
            "91500113MA5U4XYD7A, check character changed",
            "91500113MA5U4XYD8T, last organisation character changed",
            "92500113MA5U4XYD7T, category changed",
            "91500112MA5U4XYD7T, district code changed (巴南 to 渝北)",
            "91500113MA5U4XYD7t, lower-case check character",
            "914403001922038217, Huawei with the check digit off by one",
            "9144030071526726XH, Tencent with the check letter shifted",
            "91330100799655058C, Alibaba with the check letter shifted",
            "81350100M000100Y43, GB example with the registration authority changed",
    })
    void shouldRejectCodeWhenOneCharacterIsCorrupted(String code, String corruption) {
        assertFalse(Uscc.isValid(code), corruption);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91500113MA5U4XYD7", "91500113MA5U4XYD7TT", "91500113MA5U4XYD7I", "91500113MA5U4XYO7T",
            "91500113MA5U4XYS7T", "91500113MA5U4XYV7T", "91500113MA5U4XYZ7T", "９1500113MA5U4XYD7T"})
    void shouldRejectCodeWhenLengthOrAlphabetIsWrong(String code) {
        assertFalse(Uscc.isValid(code));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectCodeWhenMissing(String code) {
        assertFalse(Uscc.isValid(code));
    }

    @Test
    void shouldUseZeroWhenWeightedSumIsAMultipleOf31() {
        // 17 zeros weigh 0; 31 - 0 = 31 stands for '0'.
        assertEquals('0', Uscc.checkCharacter("00000000000000000"));
    }

    @Test
    void shouldDetectEverySingleCharacterSubstitutionWhenCodeIsValid() {
        String valid = "91500113MA5U4XYD7T";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int position = 0; position < valid.length(); position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement != valid.charAt(position)) {
                    String corrupted = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertFalse(Uscc.isValid(corrupted), corrupted);
                }
            }
        }
    }
}
