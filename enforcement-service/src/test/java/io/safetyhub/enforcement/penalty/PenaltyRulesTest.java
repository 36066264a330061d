package io.safetyhub.enforcement.penalty;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules a fine keeps, each row with the provision that sets it. */
class PenaltyRulesTest {
    private static final Violation ART_108 = new Violation("AQF-108", "拒绝、阻碍监督检查", "安全生产法 第一百零八条", 20_000, 200_000, null);

    @ParameterizedTest(name = "{0} yuan: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            19999  | false | below 第一百零八条's 二万元以上
            20000  | true  | the lowest fine of the range
            200000 | true  | the highest fine of the range
            200001 | false | above 二十万元以下
            """)
    void shouldAcceptOnlyAmountsOfTheArticlesRangeWhenFining(long amount, boolean accepted, String why) {
        if (accepted) {
            assertDoesNotThrow(() -> PenaltyRules.requireWithinRange("amount", amount, ART_108), why);
        } else {
            DomainException e = assertThrows(DomainException.class, () -> PenaltyRules.requireWithinRange("amount", amount, ART_108));
            assertEquals("amount", e.errors().get(0).field());
            assertEquals("AMOUNT_OUT_OF_RANGE", e.code());
        }
    }

    @ParameterizedTest(name = "{0} yuan over a {1} threshold: review {2}")
    @CsvSource(delimiter = '|', textBlock = """
            50000 | 50000 | false | 重大执法决定法制审核: at the threshold no review is required
            50001 | 50000 | true  | above it the legal review is required
            1     | 0     | true  | a threshold of 0 sends every fine to review
            """)
    void shouldRequireLegalReviewOnlyAboveTheThresholdWhenDeciding(long amount, long threshold, boolean required, String why) {
        assertEquals(required, PenaltyRules.legalReviewRequired(amount, threshold), why);
    }

    @Test
    void shouldRefuseAHeavierFineThanNotifiedWhenDeciding() {
        // 行政处罚法 第四十五条: 不得因当事人陈述、申辩而给予更重的处罚
        assertDoesNotThrow(() -> PenaltyRules.requireNotAboveNotice(30_000, 30_000));
        assertDoesNotThrow(() -> PenaltyRules.requireNotAboveNotice(20_000, 30_000));
        DomainException e = assertThrows(DomainException.class, () -> PenaltyRules.requireNotAboveNotice(30_001, 30_000));
        assertEquals("amount", e.errors().get(0).field());
    }

    @Test
    void shouldRefuseTheCaseHandlerAsReviewerWhenReviewing() {
        assertDoesNotThrow(() -> PenaltyRules.requireIndependentReviewer("reg.city", "reg.banan"));
        assertEquals(403, assertThrows(DomainException.class,
                () -> PenaltyRules.requireIndependentReviewer("reg.banan", "reg.banan")).status());
    }
}
