package io.safetyhub.emergency.accident;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccidentStatusTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(textBlock = """
            REPORTED,      INVESTIGATING, true
            INVESTIGATING, CLOSED,        true
            REPORTED,      CLOSED,        false
            CLOSED,        INVESTIGATING, false
            INVESTIGATING, REPORTED,      false
            CLOSED,        CLOSED,        false
            """)
    void shouldAllowOnlyTheNextStepWhenAnAccidentMoves(AccidentStatus from, AccidentStatus to, boolean legal) {
        if (legal) {
            assertEquals(to, from.moveTo(to));
        } else {
            assertEquals(409, assertThrows(DomainException.class, () -> from.moveTo(to)).status());
        }
    }
}
