package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeviceEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision table for device events (issue 14 item 6), one row per case with the regulation it follows. */
class DeviceEventRulesTest {

    @ParameterizedTest(name = "{0} reported {1} -> {2} {3} {4} ({6})")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // event; level reported; action; rule; level decided; kind; regulation
            "FAULT;          -;      RAISE;  device-fault;          BLUE;   FAULT;     GB 15322.1-2019",
            "FAULT;          RED;    RAISE;  device-fault;          BLUE;   FAULT;     GB 15322.1-2019",
            "ALARM;          RED;    RAISE;  device-alarm;          RED;    THRESHOLD; GB/T 50493-2019",
            "ALARM;          ORANGE; RAISE;  device-alarm;          ORANGE; THRESHOLD; GB/T 50493-2019",
            "ALARM;          -;      RAISE;  device-alarm;          YELLOW; THRESHOLD; GB/T 50493-2019",
            "LIMITER_CUTOFF; -;      RAISE;  device-limiter-cutoff; ORANGE; THRESHOLD; GB 5144-2006",
            "LIMITER_CUTOFF; YELLOW; RAISE;  device-limiter-cutoff; ORANGE; THRESHOLD; GB 5144-2006",
            "VALVE_CLOSED;   -;      RECORD; -;                     -;      -;         GB/T 50493-2019",
            "RECOVERED;      -;      CLEAR;  -;                     -;      -;         recovery",
    })
    void shouldDecideWhatTheRegulationSaysWhenADeviceReportsAnEvent(DeviceEvent.Type event, AlarmLevel reported,
                                                                   DeviceEventRules.Action action, String rule,
                                                                   AlarmLevel level, AlarmEvent.Kind kind,
                                                                   String regulation) {
        DeviceEventRules.Decision d = DeviceEventRules.decide(event, reported);
        assertEquals(action, d.action());
        assertEquals(rule, d.ruleId());
        assertEquals(level, d.level());
        assertEquals(kind, d.kind());
        assertTrue(d.source().contains(regulation), d.source());
    }
}
