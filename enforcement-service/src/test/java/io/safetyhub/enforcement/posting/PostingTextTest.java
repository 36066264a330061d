package io.safetyhub.enforcement.posting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What goes public is masked: identity-card numbers, phones, the party's name (Masks of platform/core). */
class PostingTextTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            法定代表人陈建国（身份证号110105194912310025）未整改 | 法定代表人陈*国（身份证号110105********0025）未整改 | the ID card keeps its division and last four, the name its ends
            联系电话13812345678，拒不改正                         | 联系电话138****5678，拒不改正                         | a mobile number is masked
            座机023-68881234                                    | 座机023****1234                                     | a landline with area code is masked
            重庆南彭化工储运有限公司未设置警示标志                | 重庆南彭化工储运有限公司未设置警示标志                | enterprise names are public and stay
            """)
    void shouldMaskPersonalDataWhenTextGoesPublic(String facts, String expected, String why) {
        assertEquals(expected, PostingText.mask(facts, "陈建国"), why);
    }
}
