package io.safetyhub.warning.escalation;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.alarm.Testing;
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
 * Escalation timing on a stepped clock, plain JUnit on the in-memory repositories: enterprise -> town -> district,
 * re-notifying until acknowledged.
 */
class EscalationTimingTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private MutableClock clock;
    private Engines e;

    @BeforeEach
    void fresh() {
        clock = new MutableClock(T0);
        e = Engines.fresh(clock, Map.of("warning.escalation.orange", "10m"));
    }

    @Test
    void shouldEscalateEachDeadlineUntilTheDistrictAndKeepRenotifyingWhenNobodyAcknowledges() {
        e.engine.onReading(reading("GA-E1", "gas-alarm", "gas_lel", 60, T0));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertTrue(e.escalator.escalateDue().isEmpty(), "the orange deadline is 10 min");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("TOWN_REGULATOR", audienceOf(e.escalator.escalateDue()));
        clock.advance(Duration.ofMinutes(10));
        assertEquals("DISTRICT_REGULATOR", audienceOf(e.escalator.escalateDue()));
        clock.advance(Duration.ofMinutes(10));
        assertEquals("DISTRICT_REGULATOR", audienceOf(e.escalator.escalateDue()), "re-notified");
    }

    @Test
    void shouldStopEscalatingWhenTheAlarmIsAcknowledged() {
        e.engine.onReading(reading("GA-E2", "gas-alarm", "gas_lel", 60, T0));
        Testing.acknowledge(e, "GA-E2|default-gas-lel|" + T0.toEpochMilli(), clock);
        clock.advance(Duration.ofHours(1));
        assertTrue(e.escalator.escalateDue().isEmpty());
    }

    private static String audienceOf(List<AlarmChange> changes) {
        assertEquals(1, changes.size());
        assertEquals(AlarmEvent.Change.ESCALATED, changes.get(0).change());
        return AlarmMapper.audience(changes.get(0).alarm().escalationStage());
    }
}
