package io.safetyhub.training.personnel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GB 11643-1999 check character (ISO 7064 MOD 11-2), with the standard's own examples and single-character corruptions. */
class IdCardNumberTest {

    @ParameterizedTest(name = "{0} valid ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002X | GB 11643-1999 example, check character X
            440524188001010014 | GB 11643-1999 example, check digit 4
            11010519491231002x | lower-case x is the same number
            50011319700315031X | 巴南区 division code (500113), check character computed per the standard
            """)
    void shouldAcceptNumberWhenCheckCharacterMatches(String number, String source) {
        assertNull(IdCardNumber.problem(number), source);
    }

    @ParameterizedTest(name = "{0} invalid ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            110105194912310021 | last character changed
            11010519491231003X | sequence digit changed
            21010519491231002X | division digit changed
            44052418800101001X | check character X where 4 is due
            110105194913310025 | month 13 is not a birth date
            11010519491231002  | 17 characters
            1101051949123100XX | X before the last place
            """)
    void shouldRejectNumberWhenOneCharacterIsCorrupted(String number, String what) {
        assertNotNull(IdCardNumber.problem(number), what);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"11010519491231002, X", "44052418800101001, 4"})
    void shouldComputeStandardCheckCharacterWhenGivenFirst17Digits(String first17, char expected) {
        assertEquals(expected, IdCardNumber.checkCharacter(first17));
    }
}
