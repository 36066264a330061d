package io.safetyhub.enforcement.report;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The handling of a report as a state machine: each legal step and each refused one. */
class ReportStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RECEIVED  | ACCEPTED  | true
            RECEIVED  | REJECTED  | true
            RECEIVED  | FOUNDED   | false
            ACCEPTED  | VERIFYING | true
            ACCEPTED  | FOUNDED   | true
            ACCEPTED  | UNFOUNDED | true
            VERIFYING | FOUNDED   | true
            VERIFYING | REWARDED  | false
            FOUNDED   | REWARDED  | true
            UNFOUNDED | REWARDED  | false
            REJECTED  | ACCEPTED  | false
            REWARDED  | REWARDED  | false
            """)
    void shouldAllowOnlyTheHandlingsStepsWhenAReportMoves(ReportStatus from, ReportStatus to, boolean legal) {
        if (legal) {
            from.requireMoveTo(to);
        } else {
            DomainException e = assertThrows(DomainException.class, () -> from.requireMoveTo(to));
            assertEquals(409, e.status());
        }
    }

    @ParameterizedTest(name = "{0} open to additions: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RECEIVED  | true
            ACCEPTED  | true
            VERIFYING | true
            FOUNDED   | false
            UNFOUNDED | false
            REJECTED  | false
            REWARDED  | false
            """)
    void shouldTakeAdditionsOnlyWhenTheHandlingIsStillOpen(ReportStatus status, boolean open) {
        assertEquals(open, status.open());
    }
}
