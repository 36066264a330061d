package io.safetyhub.warning.escalation;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.alarm.Testing;
import io.safetyhub.warning.alarm.TopicEchoes;
import io.safetyhub.warning.oncall.OnDuty;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    void shouldRecordWhoWasOnDutyOnTheTrailWhenEscalatingToTheTown() {
        OnDuty nanpeng = new OnDuty(LocalDate.parse("2026-06-01"), "巴南区", "南彭街道", null,
                List.of(new DutyRotaChanged.Person("李明", "13800000011", "值班员")));
        Escalator escalator = new Escalator(e.store, e.config, clock, (audience, enterprise, at) ->
                audience.equals("TOWN_REGULATOR") ? Optional.of(nanpeng) : Optional.empty());
        e.engine.onReading(reading("GA-E9", "gas-alarm", "gas_lel", 60, T0));
        clock.advance(Duration.ofMinutes(10));
        AlarmChange town = escalator.escalateDue().get(0);
        assertEquals("TOWN_REGULATOR: 南彭街道值班：李明 138****0011", last(town).note());
        clock.advance(Duration.ofMinutes(10));
        AlarmChange district = escalator.escalateDue().get(0);
        assertEquals("DISTRICT_REGULATOR", last(district).note(), "no district rota: the audience alone");
        assertEquals("DISTRICT_REGULATOR", AlarmMapper.audience(district.alarm().escalationStage()));
    }

    private static Alarm.Transition last(AlarmChange change) {
        List<Alarm.Transition> trail = change.alarm().trail();
        return trail.get(trail.size() - 1);
    }

    @Test
    void shouldStopEscalatingWhenTheAlarmIsAcknowledged() {
        e.engine.onReading(reading("GA-E2", "gas-alarm", "gas_lel", 60, T0));
        Testing.acknowledge(e, "GA-E2|default-gas-lel|" + T0.toEpochMilli(), clock);
        clock.advance(Duration.ofHours(1));
        assertTrue(e.escalator.escalateDue().isEmpty());
    }

    /**
     * The scale-out case: a killed owner published an escalation it never stored; the replica taking its partition
     * over loads the alarm as stored (stage 0) and decides the escalation again, seconds later. Timed at the deadline
     * boundary, both decisions are the same change (same stage, same time: the key TopicEchoes matches on the topic).
     */
    @Test
    void shouldTimeAnEscalationAtItsDeadlineWhenASecondReplicaDecidesItSecondsLater() {
        e.engine.onReading(reading("GA-E3", "gas-alarm", "gas_lel", 60, T0));
        e.store.written().join();
        Engines takeover = Engines.onSameRepositories(e); // what the next owner loads: the alarm as stored

        clock.advance(Duration.ofMinutes(10).plusSeconds(2));
        AlarmChange byOwner = single(e.escalator.escalateDue());
        clock.advance(Duration.ofSeconds(7));
        AlarmChange byNextOwner = single(takeover.escalator.escalateDue());

        assertEquals(T0.plus(Duration.ofMinutes(10)), byOwner.alarm().lastNotifiedAt(), "timed at its deadline");
        assertEquals(byOwner.alarm().escalationStage(), byNextOwner.alarm().escalationStage());
        assertEquals(TopicEchoes.key(byOwner.alarm().id(), byOwner.change(), byOwner.alarm().level(),
                        byOwner.alarm().updatedAt()),
                TopicEchoes.key(byNextOwner.alarm().id(), byNextOwner.change(), byNextOwner.alarm().level(),
                        byNextOwner.alarm().lastNotifiedAt()),
                "the topic's key (decidedAt = updatedAt) equals the one the next owner's outbox looks for");
    }

    /** A service down for an hour escalates once when back, not once per missed deadline period. */
    @Test
    void shouldEscalateOnceAndWaitAWholeDeadlineWhenPeriodsWereMissedWhileDown() {
        e.engine.onReading(reading("GA-E4", "gas-alarm", "gas_lel", 60, T0));
        clock.advance(Duration.ofMinutes(55));
        AlarmChange up = single(e.escalator.escalateDue());
        assertEquals(1, up.alarm().escalationStage());
        assertEquals(T0.plus(Duration.ofMinutes(50)), up.alarm().lastNotifiedAt(), "the last boundary before now");
        assertTrue(e.escalator.escalateDue().isEmpty(), "no catch-up cascade");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(2, single(e.escalator.escalateDue()).alarm().escalationStage(), "the next boundary: T0+60 min");
    }

    /** Issue 23: a cleared alarm nobody saw is still a finding, so it goes up to the district, once. */
    @Test
    void shouldEscalateAClearedOrangeAlarmUpToTheDistrictAndNoFurtherWhenNobodyAcknowledgedIt() {
        e.engine.onReading(reading("GA-E5", "gas-alarm", "gas_lel", 60, T0));
        clock.advance(Duration.ofSeconds(30));
        e.engine.onReading(reading("GA-E5", "gas-alarm", "gas_lel", 0, T0.plusSeconds(30)));
        assertEquals(1, e.store.clearedUnacknowledged().size(), "cleared before anyone acknowledged it");

        clock.advance(Duration.ofMinutes(10));
        AlarmChange town = single(e.escalator.escalateDue());
        assertEquals("TOWN_REGULATOR", AlarmMapper.audience(town.alarm().escalationStage()));
        assertEquals(AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, town.alarm().status());
        clock.advance(Duration.ofMinutes(10));
        assertEquals("DISTRICT_REGULATOR", audienceOf(e.escalator.escalateDue()));
        clock.advance(Duration.ofMinutes(10));
        assertTrue(e.escalator.escalateDue().isEmpty(), "the condition is gone: the district is not re-notified");
        assertTrue(e.store.clearedUnacknowledged().isEmpty(), "nothing left for the timer to hold");
    }

    @Test
    void shouldNotEscalateAClearedYellowAlarmWhenItsLevelIsNotAmongThoseThatStillEscalate() {
        e.engine.onReading(reading("GA-E6", "gas-alarm", "gas_lel", 25, T0));
        e.engine.onReading(reading("GA-E6", "gas-alarm", "gas_lel", 0, T0.plusSeconds(30)));
        clock.advance(Duration.ofHours(2));
        assertTrue(e.escalator.escalateDue().isEmpty(), "default: levels I and II only");
        assertTrue(e.store.clearedUnacknowledged().isEmpty());
    }

    @Test
    void shouldStopEscalatingAClearedAlarmWhenSomeoneAcknowledgesIt() {
        e.engine.onReading(reading("GA-E7", "gas-alarm", "gas_lel", 60, T0));
        e.engine.onReading(reading("GA-E7", "gas-alarm", "gas_lel", 0, T0.plusSeconds(30)));
        Testing.acknowledge(e, "GA-E7|default-gas-lel|" + T0.toEpochMilli(), clock);
        clock.advance(Duration.ofHours(1));
        assertTrue(e.escalator.escalateDue().isEmpty());
        assertTrue(e.store.clearedUnacknowledged().isEmpty());
    }

    private static AlarmChange single(List<AlarmChange> changes) {
        assertEquals(1, changes.size());
        return changes.get(0);
    }

    private static String audienceOf(List<AlarmChange> changes) {
        assertEquals(1, changes.size());
        assertEquals(AlarmEvent.Change.ESCALATED, changes.get(0).change());
        return AlarmMapper.audience(changes.get(0).alarm().escalationStage());
    }
}
