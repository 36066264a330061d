package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent.Status;
import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every status and action of the alarm life: the legal moves, and 409 for the rest. */
class AlarmStateMachineTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "ACTIVE,                 ACKNOWLEDGE, ACKNOWLEDGED",
            "ACTIVE,                 CLEAR,       CLEARED_UNACKNOWLEDGED",
            "ACTIVE,                 CLOSE,       ILLEGAL",
            "ACKNOWLEDGED,           ACKNOWLEDGE, ILLEGAL",
            "ACKNOWLEDGED,           CLEAR,       CLEARED",
            "ACKNOWLEDGED,           CLOSE,       ILLEGAL",
            "CLEARED_UNACKNOWLEDGED, ACKNOWLEDGE, CLEARED",
            "CLEARED_UNACKNOWLEDGED, CLEAR,       ILLEGAL",
            "CLEARED_UNACKNOWLEDGED, CLOSE,       ILLEGAL",
            "CLEARED,                ACKNOWLEDGE, ILLEGAL",
            "CLEARED,                CLEAR,       ILLEGAL",
            "CLEARED,                CLOSE,       CLOSED",
            "CLOSED,                 ACKNOWLEDGE, ILLEGAL",
            "CLOSED,                 CLEAR,       ILLEGAL",
            "CLOSED,                 CLOSE,       ILLEGAL",
    })
    void shouldAllowOnlyTheDocumentedMovesWhenAnActionIsTaken(Status from, AlarmStateMachine.Action action,
                                                              String expected) {
        if ("ILLEGAL".equals(expected)) {
            DomainException e = assertThrows(DomainException.class, () -> AlarmStateMachine.next(from, action));
            assertEquals(409, e.status());
            assertEquals("ILLEGAL_TRANSITION", e.code());
        } else {
            assertEquals(Status.valueOf(expected), AlarmStateMachine.next(from, action));
        }
    }
}
