package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeviceEvent;
import io.safetyhub.warning.rule.StandardDefaults;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.safetyhub.warning.support.Engines.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device events applied to the alarms on the in-memory repositories: raise, raise further, record, clear, replay. */
class DeviceEventHandlerTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private MutableClock clock;
    private Engines e;
    private DeviceEventHandler handler;

    @BeforeEach
    void fresh() {
        clock = new MutableClock(T0);
        e = Engines.fresh(clock, Map.of());
        handler = new DeviceEventHandler(e.store, e.shelves, clock, e.config);
    }

    @Test
    void shouldRaiseALevelIvFaultAlarmWhenTheDetectorReportsAFault() {
        List<AlarmChange> raised = handler.onEvent(event("GA-E1", DeviceEvent.Type.FAULT, null, 0));
        assertEquals(1, raised.size());
        assertEquals(AlarmLevel.BLUE, raised.get(0).alarm().level());
        assertEquals(AlarmEvent.Kind.FAULT, raised.get(0).alarm().kind());
    }

    @Test
    void shouldRaiseAtTheReportedLevelAndFurtherWhenTheDeviceAlarmFlagWorsens() {
        assertEquals(AlarmLevel.ORANGE, handler.onEvent(event("GA-E2", DeviceEvent.Type.ALARM, AlarmLevel.ORANGE, 0))
                .get(0).alarm().level());
        List<AlarmChange> worse = handler.onEvent(event("GA-E2", DeviceEvent.Type.ALARM, AlarmLevel.RED, 1));
        assertEquals(AlarmEvent.Change.LEVEL_RAISED, worse.get(0).change());
        assertTrue(handler.onEvent(event("GA-E2", DeviceEvent.Type.ALARM, AlarmLevel.YELLOW, 2)).isEmpty(),
                "a better level never lowers the alarm");
        assertEquals(AlarmLevel.RED, e.store.open("GA-E2|" + DeviceEventRules.DEVICE_ALARM).orElseThrow().level());
    }

    @Test
    void shouldRaiseLevelIiWhenACraneLimiterCutsOff() {
        Alarm a = handler.onEvent(event("TC-E1", DeviceEvent.Type.LIMITER_CUTOFF, null, 0)).get(0).alarm();
        assertEquals(AlarmLevel.ORANGE, a.level());
    }

    @Test
    void shouldClearOnlyWhatTheDeviceRaisedWhenItRecovers() {
        handler.onEvent(event("GA-E3", DeviceEvent.Type.ALARM, AlarmLevel.ORANGE, 0));
        handler.onEvent(event("GA-E3", DeviceEvent.Type.FAULT, null, 1));
        e.engine.onReading(reading("GA-E3", "gas-alarm", "gas_lel", 60, T0.plusSeconds(1)));

        List<AlarmChange> cleared = handler.onEvent(event("GA-E3", DeviceEvent.Type.RECOVERED, null, 2));
        assertEquals(2, cleared.size());
        assertTrue(cleared.stream().allMatch(c -> c.alarm().status() == AlarmEvent.Status.CLEARED_UNACKNOWLEDGED));
        assertTrue(e.store.open("GA-E3|" + StandardDefaults.GAS_LEL).isPresent(),
                "the platform's own threshold alarm clears by readings, not by the device's word");
    }

    @Test
    void shouldRecordTheValveClosedOnTheOpenAlarmWhenTheDeviceReportsIt() {
        e.engine.onReading(reading("GA-E4", "gas-alarm", "gas_lel", 60, T0));
        DeviceEvent valve = event("GA-E4", DeviceEvent.Type.VALVE_CLOSED, null, 1);
        assertTrue(handler.onEvent(valve).isEmpty(), "recorded, not published");
        handler.onEvent(valve);
        Alarm open = e.store.open("GA-E4|" + StandardDefaults.GAS_LEL).orElseThrow();
        assertEquals(1, open.trail().stream().filter(t -> t.action().equals("VALVE_CLOSED")).count(),
                "recorded once, also when the event is delivered twice");
        e.store.flush().join();
        assertTrue(e.repository.findById(open.id()).orElseThrow().trail().stream()
                .anyMatch(t -> t.action().equals("VALVE_CLOSED")), "and stored");
    }

    @Test
    void shouldChangeNothingWhenTheEventsAreReplayedAfterARestart() {
        DeviceEvent alarm = event("GA-E5", DeviceEvent.Type.ALARM, AlarmLevel.RED, 0);
        DeviceEvent recovered = event("GA-E5", DeviceEvent.Type.RECOVERED, null, 5);
        handler.onEvent(alarm);
        handler.onEvent(recovered);
        e.store.flush().join();

        Engines restarted = e.restarted();
        DeviceEventHandler again = new DeviceEventHandler(restarted.store, restarted.shelves, clock, restarted.config);
        assertTrue(again.onEvent(alarm).isEmpty(), "the replayed alarm flag raises no second alarm");
        assertTrue(again.onEvent(recovered).isEmpty());
        assertEquals(1, restarted.repository.findAll().stream().filter(a -> a.deviceId().equals("GA-E5")).count());
    }

    @Test
    void shouldRaiseANewAlarmWhenTheDeviceAlarmsAgainAfterRecovering() {
        handler.onEvent(event("GA-E6", DeviceEvent.Type.ALARM, AlarmLevel.ORANGE, 0));
        handler.onEvent(event("GA-E6", DeviceEvent.Type.RECOVERED, null, 1));
        clock.advance(Duration.ofSeconds(2));
        List<AlarmChange> again = handler.onEvent(event("GA-E6", DeviceEvent.Type.ALARM, AlarmLevel.ORANGE, 2));
        assertEquals(AlarmEvent.Change.RAISED, again.get(0).change());
    }

    private static DeviceEvent event(String device, DeviceEvent.Type type, AlarmLevel level, int second) {
        Instant ts = T0.plusSeconds(second);
        return new DeviceEvent(UUID.randomUUID(), ts, "device-adapter", device, "chem-banan-01",
                device.startsWith("TC") ? "tower-crane" : "gas-alarm", null, type, level, "code 7", ts, ts);
    }
}
