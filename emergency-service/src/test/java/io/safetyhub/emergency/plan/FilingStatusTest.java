package io.safetyhub.emergency.plan;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FilingStatusTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(textBlock = """
            NOT_FILED, FILED,    ok
            RETURNED,  FILED,    ok
            FILED,     ACCEPTED, ok
            FILED,     RETURNED, ok
            FILED,     FILED,    ALREADY_FILED
            ACCEPTED,  FILED,    ALREADY_FILED
            NOT_FILED, ACCEPTED, ILLEGAL_TRANSITION
            ACCEPTED,  RETURNED, ILLEGAL_TRANSITION
            """)
    void shouldAllowOnlyTheFilingStepsWhenAPlanMoves(FilingStatus from, FilingStatus to, String outcome) {
        if ("ok".equals(outcome)) {
            assertEquals(to, from.moveTo(to));
        } else {
            DomainException e = assertThrows(DomainException.class, () -> from.moveTo(to));
            assertEquals(409, e.status());
            assertEquals(outcome, e.code());
        }
    }
}
