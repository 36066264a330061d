package io.safetyhub.enforcement.penalty;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The penalty case's state machine: every pair of states, legal or not, with the step of 行政处罚法 it follows. */
class CaseStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            FILED    | NOTIFIED | true  | 第四十四条 告知 follows 立案
            FILED    | DECIDED  | false | no decision without notice (第四十四条)
            FILED    | REVIEWED | false | review needs the notified amount
            NOTIFIED | REVIEWED | true  | 第五十八条 法制审核
            NOTIFIED | DECIDED  | true  | below the threshold no review is required (rules check the amount)
            NOTIFIED | EXECUTED | false | nothing to execute before a decision
            REVIEWED | DECIDED  | true  | 第五十七条 决定 after review
            REVIEWED | NOTIFIED | false | a reviewed case is decided
            DECIDED  | EXECUTED | true  | 第六十六条 执行
            DECIDED  | CLOSED   | false | not closed before it is carried out
            DECIDED  | REVOKED  | true  | a decision may be revoked (复议、诉讼)
            EXECUTED | CLOSED   | true  | 结案
            EXECUTED | REVOKED  | true  | revoked after payment: refund follows
            CLOSED   | REVOKED  | true  | revoked after closing
            CLOSED   | FILED    | false | a closed case does not reopen
            REVOKED  | DECIDED  | false | a revoked decision stays revoked
            REVOKED  | CLOSED   | false | a revoked decision stays revoked
            """)
    void shouldAllowOnlyTheLegalMoveWhenACaseChangesState(CaseStatus from, CaseStatus to, boolean legal, String why) {
        assertEquals(legal, from.canMoveTo(to), why);
        if (legal) {
            assertDoesNotThrow(() -> from.requireMoveTo(to));
        } else {
            DomainException e = assertThrows(DomainException.class, () -> from.requireMoveTo(to), why);
            assertEquals(409, e.status());
            assertEquals("INVALID_TRANSITION", e.code());
        }
    }
}
