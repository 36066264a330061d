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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 item 1: a reading dated in the future (forged, or a device clock running ahead) must not move the
 * device's watermark past the engine's clock plus the skew, or every real reading after it looks like a replay and
 * the device's rules are switched off, even across a restart.
 */
class AlarmEngineClockSkewTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");

    private MutableClock clock;
    private Engines e;

    @BeforeEach
    void fresh() {
        clock = new MutableClock(T0);
        e = Engines.fresh(clock, Map.of());
    }

    @Test
    void shouldRaiseOnRealReadingsWhenOneReadingWasDatedInTheFarFuture() {
        e.engine.onReading(reading("GA-T1", "gas-alarm", "gas_lel", 5, FAR_FUTURE));
        clock.advance(Duration.ofSeconds(1));
        List<AlarmChange> raised = e.engine.onReading(reading("GA-T1", "gas-alarm", "gas_lel", 75, T0.plusSeconds(1)));
        assertEquals(1, raised.size(), "a real 75 %LEL after a 2099-dated reading must raise");
        assertEquals(AlarmLevel.ORANGE, raised.get(0).alarm().level());
        assertFalse(e.store.watermark(raised.get(0).alarm().slot()).isAfter(clock.instant().plus(Duration.ofMinutes(5))));
    }

    @Test
    void shouldRaiseOnAFutureDatedReadingTimedAtItsArrivalWhenItsValueIsDangerous() {
        List<AlarmChange> raised = e.engine.onReading(reading("GA-T2", "gas-alarm", "gas_lel", 80, FAR_FUTURE));
        assertEquals(1, raised.size(), "the value of a device with a wrong clock still counts");
        assertEquals(T0, raised.get(0).alarm().raisedAt(), "timed at arrival, not in 2099");
    }

    @Test
    void shouldRaiseAndClearWhenTheDeviceClockRunsAnHourAhead() {
        Duration ahead = Duration.ofHours(1);
        assertEquals(AlarmEvent.Change.RAISED,
                e.engine.onReading(reading("GA-T3", "gas-alarm", "gas_lel", 60, T0.plus(ahead))).get(0).change());
        clock.advance(Duration.ofSeconds(10));
        e.engine.onReading(reading("GA-T3", "gas-alarm", "gas_lel", 62, T0.plus(ahead).plusSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        // The device's clock is corrected: its readings are dated now, an hour before what it sent so far.
        List<AlarmChange> cleared = e.engine.onReading(reading("GA-T3", "gas-alarm", "gas_lel", 1, clock.instant()));
        assertEquals(1, cleared.size(), "the corrected device's clear reading must be applied");
        assertEquals(AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, cleared.get(0).alarm().status());
    }

    @Test
    void shouldBelieveASourceTimeWithinTheSkewWhenTheDeviceIsSlightlyAhead() {
        Instant slightlyAhead = T0.plus(Duration.ofMinutes(4));
        List<AlarmChange> raised = e.engine.onReading(reading("GA-T4", "gas-alarm", "gas_lel", 60, slightlyAhead));
        assertEquals(slightlyAhead, raised.get(0).alarm().raisedAt());
    }

    @Test
    void shouldRepairAStoredFutureWatermarkWhenTheEngineRestarts() {
        // What an engine without the bound stored: an alarm whose last reading is dated 2099.
        Engines unbounded = Engines.fresh(clock, Map.of("warning.engine.max-clock-skew", "36500000d"));
        unbounded.engine.onReading(reading("GA-T5", "gas-alarm", "gas_lel", 30, FAR_FUTURE));
        unbounded.engine.onReading(reading("GA-T6", "gas-alarm", "gas_lel", 5, FAR_FUTURE, null, null, Quality.BAD));
        unbounded.store.flush().join();

        Engines restarted = unbounded.restartedWith(Map.of());
        clock.advance(Duration.ofSeconds(1));
        List<AlarmChange> worse = restarted.engine.onReading(
                reading("GA-T5", "gas-alarm", "gas_lel", 70, T0.plusSeconds(1)));
        assertEquals(AlarmEvent.Change.LEVEL_RAISED, worse.get(0).change(), "real readings are evaluated again");
        assertTrue(restarted.store.watermark("GA-T6|" + StandardDefaults.FAULT).isBefore(FAR_FUTURE));
    }
}
