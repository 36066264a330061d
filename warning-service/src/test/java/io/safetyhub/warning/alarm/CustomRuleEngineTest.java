package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.rule.Rule;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.safetyhub.warning.support.Engines.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Created rules (no national default) go through the same engine path as the built-in ones: LOW at or
 * below, debounce, dead-band above the threshold, level never lowered, device rule before enterprise rule,
 * reloaded from the rule repository after a restart. Plain JUnit on the in-memory repositories, time stepped by hand.
 */
class CustomRuleEngineTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private Engines e;

    @BeforeEach
    void fresh() {
        e = Engines.fresh(new MutableClock(T0), Map.of());
    }

    @Test
    void shouldRaiseAtOrBelowAndClearAboveTheDeadBandWhenALowRuleDebounces() {
        e.rules.put(Rule.custom("level", Rule.Comparison.LOW, "tank", "chem-banan-01", null,
                List.of(new Rule.Step(AlarmLevel.YELLOW, 20), new Rule.Step(AlarmLevel.ORANGE, 10),
                        new Rule.Step(AlarmLevel.RED, 5)), Duration.ofSeconds(5), 2));
        assertTrue(level("TK-1", 20.1, 0).isEmpty(), "above the L set point");
        assertTrue(level("TK-1", 20, 1).isEmpty(), "at the set point, but not yet held 5 s");
        List<AlarmChange> raised = level("TK-1", 19, 6);
        assertEquals(AlarmEvent.Change.RAISED, raised.get(0).change());
        assertEquals(AlarmLevel.YELLOW, raised.get(0).alarm().level());
        assertEquals(AlarmLevel.RED, level("TK-1", 4, 7).get(0).alarm().level());
        assertTrue(level("TK-1", 15, 8).isEmpty(), "a better value never lowers the level");
        assertTrue(level("TK-1", 22, 9).isEmpty(), "22 is within the dead-band above 20");
        assertTrue(level("TK-1", 22.5, 10).isEmpty(), "beyond the dead-band, but not yet for 5 s");
        List<AlarmChange> cleared = level("TK-1", 23, 15);
        assertEquals(AlarmEvent.Change.CLEARED, cleared.get(0).change());
        assertEquals(AlarmLevel.RED, cleared.get(0).alarm().level());
    }

    @Test
    void shouldUseTheDeviceRuleAndKeepItAfterARestartWhenBothScopesAreSet() {
        e.rules.put(Rule.custom("tilt", Rule.Comparison.HIGH, null, "chem-banan-01", null,
                List.of(new Rule.Step(AlarmLevel.YELLOW, 2)), Duration.ZERO, 0.1));
        e.rules.put(Rule.custom("tilt", Rule.Comparison.HIGH, null, "chem-banan-01", "TC-9",
                List.of(new Rule.Step(AlarmLevel.YELLOW, 3), new Rule.Step(AlarmLevel.ORANGE, 4)), Duration.ZERO, 0.1));
        Engines restarted = e.restarted();
        assertTrue(tilt(restarted, "TC-9", 2.5, 0).isEmpty(), "the device's own limit is 3");
        assertEquals(AlarmLevel.ORANGE, tilt(restarted, "TC-9", 4, 1).get(0).alarm().level());
        assertEquals(AlarmLevel.YELLOW, tilt(restarted, "TC-8", 2.5, 0).get(0).alarm().level());
        assertEquals(1, restarted.store.open("TC-9|custom:tilt:HIGH").stream().count());
    }

    private List<AlarmChange> level(String device, double value, int second) {
        return e.engine.onReading(reading(device, "tank", "level", value, T0.plusSeconds(second)));
    }

    private static List<AlarmChange> tilt(Engines engines, String device, double value, int second) {
        return engines.engine.onReading(reading(device, "tower-crane", "tilt", value, T0.plusSeconds(second)));
    }
}
