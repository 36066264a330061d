package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.Quality;
import io.safetyhub.warning.rule.StandardDefaults;
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
 * Debounce, hysteresis, step-down, level I, staleness, faults, replay and restart, on the in-memory repositories
 * (plain JUnit), with time stepped by hand (source time for readings, the service clock for timers).
 */
class AlarmEngineTimingTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private MutableClock clock;
    private Engines e;

    @BeforeEach
    void fresh() {
        clock = new MutableClock(T0);
        e = Engines.fresh(clock, Map.of());
    }

    @Test
    void shouldRaiseOnlyAfterTheMinimumDurationWhenTheRuleDebounces() {
        debounce("GA-D1", 10);
        assertTrue(gas("GA-D1", 30, 0).isEmpty());
        assertTrue(gas("GA-D1", 10, 5).isEmpty(), "a dip resets the debounce");
        assertTrue(gas("GA-D1", 30, 8).isEmpty());
        assertTrue(gas("GA-D1", 30, 17).isEmpty(), "held 9 s, not 10");
        List<AlarmChange> raised = gas("GA-D1", 30, 18);
        assertEquals(1, raised.size());
        assertEquals(AlarmEvent.Change.RAISED, raised.get(0).change());
        assertEquals(AlarmLevel.YELLOW, raised.get(0).alarm().level());
    }

    @Test
    void shouldClearOnlyBelowThresholdMinusDeadBandWhenTheValueFalls() {
        gas("GA-H1", 25, 0);
        assertTrue(gas("GA-H1", 19, 1).isEmpty(), "19 is within the 2 %LEL dead-band under 20");
        assertTrue(gas("GA-H1", 18, 2).isEmpty(), "18 is not below 20 - 2");
        List<AlarmChange> cleared = gas("GA-H1", 17.9, 3);
        assertEquals(AlarmEvent.Change.CLEARED, cleared.get(0).change());
        assertEquals(AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, cleared.get(0).alarm().status());
    }

    @Test
    void shouldClearOnlyAfterTheDurationWhenTheValueStaysBelowTheDeadBand() {
        debounce("GA-H2", 10);
        gas("GA-H2", 25, 0);
        gas("GA-H2", 25, 10);
        assertTrue(gas("GA-H2", 10, 20).isEmpty());
        assertTrue(gas("GA-H2", 19, 25).isEmpty(), "back inside the dead-band resets the clearing time");
        assertTrue(gas("GA-H2", 10, 30).isEmpty());
        assertTrue(gas("GA-H2", 10, 39).isEmpty());
        assertEquals(AlarmEvent.Change.CLEARED, gas("GA-H2", 10, 40).get(0).change());
    }

    @Test
    void shouldKeepTheLevelWhenABetterValueArrivesBeforeClearing() {
        assertEquals(AlarmLevel.ORANGE, gas("GA-S1", 55, 0).get(0).alarm().level());
        assertTrue(gas("GA-S1", 30, 1).isEmpty());
        e.store.flush().join();
        Alarm stored = e.repository.findById(Alarm.idFor("GA-S1", StandardDefaults.GAS_LEL, T0)).orElseThrow();
        assertEquals(AlarmLevel.ORANGE, stored.level());
        assertEquals(30.0, stored.value());
        assertEquals(55.0, stored.peakValue());
    }

    @Test
    void shouldRaiseLevelIRedWhenTwoDetectorsOfOneHazardSourceReachLevelII() {
        e.engine.onReading(reading("GA-R1", "gas-detector", "gas_lel", 55, T0, "HS-TANKFARM", null, Quality.GOOD));
        e.engine.onReading(reading("GA-R3", "gas-detector", "gas_lel", 55, T0, "HS-OTHER", null, Quality.GOOD));
        List<AlarmChange> changes = e.engine.onReading(
                reading("GA-R2", "gas-detector", "gas_lel", 60, T0.plusSeconds(1), "HS-TANKFARM", null, Quality.GOOD));
        assertEquals(2, changes.stream().filter(c -> c.alarm().level() == AlarmLevel.RED).count());
        assertEquals(AlarmLevel.ORANGE, e.store.open("GA-R3|" + StandardDefaults.GAS_LEL).orElseThrow().level(),
                "a detector of another hazard source stays at level II");
    }

    @Test
    void shouldRaiseOfflineOnTimeWhenNoReadingArrivesAtAll() {
        e.engine.onReading(reading("GA-O1", "gas-alarm", "gas_lel", 1, T0));
        clock.advance(Duration.ofSeconds(90));
        assertTrue(e.engine.checkStale().isEmpty(), "exactly 3 x 30 s is not yet more than 3 intervals");
        clock.advance(Duration.ofSeconds(1));
        List<AlarmChange> offline = e.engine.checkStale();
        assertEquals(1, offline.size());
        assertEquals(AlarmEvent.Kind.OFFLINE, offline.get(0).alarm().kind());
        assertEquals(AlarmLevel.BLUE, offline.get(0).alarm().level());
        assertTrue(e.engine.checkStale().isEmpty(), "one offline alarm, not one per tick");
        List<AlarmChange> back = e.engine.onReading(reading("GA-O1", "gas-alarm", "gas_lel", 1, T0.plusSeconds(95)));
        assertEquals(AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, back.get(0).alarm().status());
    }

    @Test
    void shouldRaiseAFaultWhenAReadingHasBadQuality() {
        List<AlarmChange> fault = e.engine.onReading(
                reading("GA-F1", "gas-alarm", "gas_lel", 80, T0, null, null, Quality.BAD));
        assertEquals(1, fault.size(), "a bad reading raises a fault, not a threshold alarm (GB 15322.1)");
        assertEquals(AlarmEvent.Kind.FAULT, fault.get(0).alarm().kind());
        assertEquals(AlarmEvent.Change.CLEARED, gas("GA-F1", 1, 1).get(0).change());
    }

    @Test
    void shouldRaiseNoSecondAlarmWhenReadingsAreReplayedAfterARestart() {
        gas("GA-P1", 25, 0);
        gas("GA-P1", 55, 1);
        gas("GA-P1", 10, 2);
        Engines restarted = e.restarted();
        for (int s = 0; s <= 2; s++) {
            double v = s == 0 ? 25 : s == 1 ? 55 : 10;
            assertTrue(restarted.engine.onReading(reading("GA-P1", "gas-alarm", "gas_lel", v, T0.plusSeconds(s)))
                    .isEmpty(), "replay of second " + s);
        }
        assertEquals(1, restarted.repository.findAll().stream().filter(a -> a.deviceId().equals("GA-P1")).count());
    }

    @Test
    void shouldResumeTheOpenAlarmWhenTheEngineRestarts() {
        gas("GA-P2", 25, 0);
        Engines restarted = e.restarted();
        List<AlarmChange> worse = restarted.engine.onReading(reading("GA-P2", "gas-alarm", "gas_lel", 55,
                T0.plusSeconds(1)));
        assertEquals(AlarmEvent.Change.LEVEL_RAISED, worse.get(0).change());
        assertEquals(Alarm.idFor("GA-P2", StandardDefaults.GAS_LEL, T0), worse.get(0).alarm().id());
    }

    @Test
    void shouldRecordButSuppressAlarmsWhenTheDeviceIsShelved() {
        e.shelves.put(new Shelves.Shelf("GA-M1", "chem-banan-01", T0.plus(Duration.ofHours(2)), "calibration",
                "ent.chem", T0));
        assertTrue(gas("GA-M1", 60, 0).get(0).alarm().suppressed());
        clock.advance(Duration.ofHours(1));
        assertTrue(e.escalator.escalateDue().isEmpty(), "a suppressed alarm does not escalate");
    }

    @Test
    void shouldClearAMissingCommitmentAlarmWhenItsDayIsOver() {
        List<AlarmChange> raised = new java.util.ArrayList<>();
        e.engine.raise("commitment:chem-banan-01:2026-06-01", "chem-banan-01", null, StandardDefaults.COMMITMENT, null,
                AlarmEvent.Kind.COMMITMENT_MISSING, T0, "missing", raised);
        assertEquals(AlarmLevel.BLUE, raised.get(0).alarm().level());
        clock.advance(Duration.ofHours(23));
        assertTrue(e.engine.checkStale().isEmpty());
        clock.advance(Duration.ofHours(2));
        assertEquals(AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, e.engine.checkStale().get(0).alarm().status());
    }

    private List<AlarmChange> gas(String device, double value, int second) {
        return e.engine.onReading(reading(device, "gas-alarm", "gas_lel", value, T0.plusSeconds(second)));
    }

    private void debounce(String device, int seconds) {
        var base = e.rules.defaults().byId(StandardDefaults.GAS_LEL).orElseThrow();
        e.rules.put(base.overriddenBy("chem-banan-01", device, base.steps(), Duration.ofSeconds(seconds), 2));
    }
}
