package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What callers and listeners see of a stored alarm. */
class AlarmMapperTest {
    private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void shouldShowTheRomanLevelTheAudienceAndTheTrailWhenMappingToTheView() {
        Alarm a = alarm().escalated(1, T.plusSeconds(600))
                .moved("ACKNOWLEDGE", AlarmEvent.Status.ACKNOWLEDGED, "ent.chem", T.plusSeconds(700), "seen", null);
        AlarmView v = AlarmMapper.toView(a, "巴南区");
        assertEquals("II", v.levelRoman());
        assertEquals("TOWN_REGULATOR", v.escalatedTo());
        assertEquals("巴南区", v.district());
        assertEquals(List.of("RAISE", "ESCALATE", "ACKNOWLEDGE"), v.trail().stream().map(t -> t.action()).toList(),
                "the escalation is on the trail, with whom it went to");
        assertEquals("TOWN_REGULATOR", v.trail().get(1).note());
        assertEquals("ent.chem", v.trail().get(2).by());
        assertEquals(AlarmEvent.Status.ACTIVE, v.trail().get(2).from());
    }

    @Test
    void shouldCarryTheChangeAndTheDistrictWhenMappingToTheEvent() {
        AlarmEvent e = AlarmMapper.toEvent(new AlarmChange(alarm(), AlarmEvent.Change.RAISED), "巴南区", "test", T);
        assertEquals("GA-1|default-gas-lel|" + T.toEpochMilli(), e.alarmId());
        assertEquals(AlarmEvent.Change.RAISED, e.change());
        assertEquals("巴南区", e.district());
        assertEquals(60.0, e.value());
    }

    @Test
    void shouldStampTheEnginesDecisionTimeWhenTheEventIsBuiltLater() {
        Instant decided = Instant.parse("2026-06-01T08:00:07Z");
        io.safetyhub.warning.support.Engines e = io.safetyhub.warning.support.Engines.fresh(
                new io.safetyhub.warning.support.MutableClock(decided), java.util.Map.of());
        AlarmChange raised = e.engine.onReading(io.safetyhub.warning.support.Engines.reading("GA-2", "gas-alarm",
                "gas_lel", 60, T)).get(0);
        e.clock.advance(java.time.Duration.ofMillis(40)); // stored and published later

        AlarmEvent event = AlarmMapper.toEvent(raised, "巴南区", "test", e.clock.instant());
        assertEquals(decided, event.decidedAt(), "the engine's clock when it decided");
        assertEquals(decided.plusMillis(40), event.occurredAt());
        assertEquals(T, event.raisedAt(), "the reading's source time");
    }

    private static Alarm alarm() {
        return new Alarm(Alarm.idFor("GA-1", "default-gas-lel", T), "GA-1", "gas-alarm", "chem-banan-01", null,
                "default-gas-lel", "gas_lel", AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE, AlarmEvent.Status.ACTIVE,
                60, 60, "%LEL", 50, T, T, T, "k", "m", false, 0, T, null,
                List.of(new Alarm.Transition("RAISE", null, AlarmEvent.Status.ACTIVE, "system", T, null)));
    }
}
