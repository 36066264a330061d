package io.safetyhub.emergency.alarm;

import io.safetyhub.events.AlarmEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which alarm states the command map shows as open: those someone still has to act on (warning-service's lifecycle). */
class KnownAlarmTest {

    @ParameterizedTest(name = "{0} open={1}")
    @CsvSource(delimiter = '|', textBlock = """
            ACTIVE                 | true  | raised, nobody has taken it
            ACKNOWLEDGED           | true  | being handled on site
            CLEARED_UNACKNOWLEDGED | true  | the reading is back, nobody has confirmed it
            CLEARED                | false | cleared and confirmed
            CLOSED                 | false | closed with its disposal recorded
            """)
    void shouldShowTheAlarmAsOpenWhenSomeoneStillHasToActOnIt(AlarmEvent.Status status, boolean open, String why) {
        assertEquals(open, KnownAlarm.isOpen(status), why);
    }
}
