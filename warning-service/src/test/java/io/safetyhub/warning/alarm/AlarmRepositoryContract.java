package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.warning.enterprise.TenantScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link AlarmRepository} does, run against MongoDB (MongoAlarmRepositoryIT) and against memory
 * (InMemoryAlarmRepositoryTest), so that the engine's plain tests stand on a repository that behaves like the real one.
 */
abstract class AlarmRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private AlarmRepository repository;

    /** An empty repository. */
    protected abstract AlarmRepository emptyRepository();

    @BeforeEach
    void empty() {
        repository = emptyRepository();
    }

    @Test
    void shouldRefuseTheSecondInsertWhenTheIdExists() {
        Alarm first = alarm("GA-1", "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, 0);
        assertTrue(repository.insert(first, List.of("RAISED")));
        assertFalse(repository.insert(first, List.of("RAISED")), "a replayed reading raises no second alarm");
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void shouldReadBackEveryFieldWhenAnAlarmIsReplaced() {
        Alarm raised = alarm("GA-2", "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.ORANGE, 0);
        repository.insert(raised, List.of("RAISED"));
        Alarm cleared = raised.moved("CLEAR", AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, "system", T0.plusSeconds(5),
                "value fell", null).escalated(1, T0.plusSeconds(6));
        repository.replace(cleared, List.of("RAISED", "CLEARED"));
        assertEquals(cleared, repository.findById(cleared.id()).orElseThrow());
        assertEquals(List.of(cleared), repository.findAll());
    }

    @Test
    void shouldKeepOnlyWhatTheSinkHasNotAcknowledgedWhenUnpublishedIsSet() {
        Alarm a = alarm("GA-3", "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, 0);
        Alarm b = alarm("GA-4", "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, 1);
        repository.insert(a, List.of("RAISED"));
        repository.insert(b, List.of("RAISED"));
        repository.replace(a, List.of("RAISED", "LEVEL_RAISED"));
        repository.setUnpublished(Map.of(a.id(), List.of("LEVEL_RAISED"), b.id(), List.of()));
        assertEquals(Map.of(a.id(), List.of("LEVEL_RAISED")), repository.findUnpublished());
        repository.setUnpublished(Map.of(a.id(), List.of()));
        assertEquals(Map.of(), repository.findUnpublished());
    }

    @Test
    void shouldPageNewestFirstWithinReachWhenFiltered() {
        for (int i = 0; i < 5; i++) {
            repository.insert(alarm("GA-P" + i, "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, i),
                    List.of());
        }
        repository.insert(alarm("GA-Q", "chem-banan-01", AlarmEvent.Status.CLOSED, AlarmLevel.YELLOW, 10), List.of());
        repository.insert(alarm("GA-R", "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.RED, 11), List.of());
        repository.insert(alarm("TC-1", "build-yubei-01", AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, 12), List.of());

        AlarmFilter chemActiveYellow = new AlarmFilter(TenantScope.Reach.only(Set.of("chem-banan-01")),
                AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, null);
        assertEquals(5, repository.count(chemActiveYellow));
        assertEquals(List.of("GA-P2", "GA-P1"), repository.page(chemActiveYellow, new PageRequest(1, 2)).stream()
                .map(Alarm::deviceId).toList());
        assertEquals(List.of("TC-1", "GA-R"), repository.page(AlarmFilter.within(TenantScope.Reach.ALL),
                new PageRequest(0, 2)).stream().map(Alarm::deviceId).toList());
        List<String> streamed = new java.util.ArrayList<>();
        repository.forEach(new AlarmFilter(TenantScope.Reach.ALL, null, null, "build-yubei-01"),
                a -> streamed.add(a.deviceId()));
        assertEquals(List.of("TC-1"), streamed);
        assertEquals(0, repository.count(AlarmFilter.within(TenantScope.Reach.only(Set.of()))),
                "a caller whose district has no enterprise sees nothing");
    }

    @Test
    void shouldKeepEachSlotsNewestRaisingAndReadingTimesWhenSlotMarksAreRead() {
        Alarm first = alarm("GA-S1", "chem-banan-01", AlarmEvent.Status.CLOSED, AlarmLevel.YELLOW, 0);
        Alarm second = alarm("GA-S1", "chem-banan-01", AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, AlarmLevel.RED, 30);
        Alarm other = alarm("GA-S2", "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, 10);
        repository.insert(first, List.of());
        repository.insert(second, List.of());
        repository.insert(other, List.of());
        Alarm updated = new Alarm(second.id(), second.deviceId(), second.deviceKind(), second.enterpriseId(),
                second.hazardSourceId(), second.ruleId(), second.metric(), second.kind(), second.level(),
                second.status(), 1, 35, second.unit(), second.threshold(), second.raisedAt(), T0.plusSeconds(45),
                T0.plusSeconds(44), "key-late", second.message(), false, 0, second.lastNotifiedAt(), null,
                second.trail());
        repository.replace(updated, List.of());

        Map<String, AlarmRepository.SlotMark> marks = new java.util.HashMap<>();
        repository.slotMarks(Set.of(), 0).forEach(m -> marks.put(m.slot(), m));
        assertEquals(new AlarmRepository.SlotMark("GA-S1|default-gas-lel", "GA-S1", T0.plusSeconds(30),
                T0.plusSeconds(44)), marks.get("GA-S1|default-gas-lel"), "newest raising and newest reading of two alarms");
        assertEquals(new AlarmRepository.SlotMark("GA-S2|default-gas-lel", "GA-S2", T0.plusSeconds(10),
                T0.plusSeconds(10)), marks.get("GA-S2|default-gas-lel"));
        assertEquals(2, marks.size(), "one mark per device+rule, not per alarm");
    }

    @Test
    void shouldReturnOnlyHeldAlarmsAndTheNamedOnesWhenATakeoverLoads() {
        Alarm open = alarm("GA-O1", "chem-banan-01", AlarmEvent.Status.ACTIVE, AlarmLevel.YELLOW, 0);
        Alarm acknowledged = alarm("GA-O2", "chem-banan-01", AlarmEvent.Status.ACKNOWLEDGED, AlarmLevel.YELLOW, 1);
        Alarm closed = alarm("GA-O3", "chem-banan-01", AlarmEvent.Status.CLOSED, AlarmLevel.YELLOW, 2);
        Alarm unseen = alarm("GA-O4", "chem-banan-01", AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, AlarmLevel.RED, 3);
        Alarm unseenAtDistrict = alarm("GA-O5", "chem-banan-01", AlarmEvent.Status.CLEARED_UNACKNOWLEDGED,
                AlarmLevel.RED, 4).escalated(Escalation.LAST_STAGE, T0.plusSeconds(5));
        // warning.escalation.cleared-still-escalate (RED, ORANGE by default): a level-III alarm that cleared unseen
        // stays on record but escalates no further, and one raised while shelved is never notified.
        Alarm unseenYellow = alarm("GA-O6", "chem-banan-01", AlarmEvent.Status.CLEARED_UNACKNOWLEDGED,
                AlarmLevel.YELLOW, 6);
        Alarm unseenShelved = suppressed(alarm("GA-O7", "chem-banan-01", AlarmEvent.Status.CLEARED_UNACKNOWLEDGED,
                AlarmLevel.RED, 7));
        repository.insert(open, List.of());
        repository.insert(acknowledged, List.of());
        repository.insert(closed, List.of("CLOSED"));
        repository.insert(unseen, List.of());
        repository.insert(unseenAtDistrict, List.of());
        repository.insert(unseenYellow, List.of());
        repository.insert(unseenShelved, List.of());
        assertEquals(Set.of(open, acknowledged, unseen),
                Set.copyOf(repository.findHeld(Set.of(), 0, Set.of(AlarmLevel.RED, AlarmLevel.ORANGE))),
                "open, and cleared unacknowledged still to be escalated at their level");
        assertEquals(Set.of(open, acknowledged, unseen, unseenYellow),
                Set.copyOf(repository.findHeld(Set.of(), 0, Set.of(AlarmLevel.values()))),
                "every level escalating: the level-III one cleared unseen is held too");
        assertEquals(List.of(closed), repository.findByIds(List.of(closed.id(), "GA-NONE|default-gas-lel|1")));
        assertEquals(List.of(), repository.findByIds(List.of()));
    }

    private static Alarm suppressed(Alarm a) {
        return new Alarm(a.id(), a.deviceId(), a.deviceKind(), a.enterpriseId(), a.hazardSourceId(), a.ruleId(),
                a.metric(), a.kind(), a.level(), a.status(), a.value(), a.peakValue(), a.unit(), a.threshold(),
                a.raisedAt(), a.updatedAt(), a.lastReadingAt(), a.triggerKey(), a.message(), true, a.escalationStage(),
                a.lastNotifiedAt(), a.closeCause(), a.trail());
    }

    private static Alarm alarm(String device, String enterprise, AlarmEvent.Status status, AlarmLevel level, int second) {
        Instant at = T0.plusSeconds(second);
        return new Alarm(Alarm.idFor(device, "default-gas-lel", at), device, "gas-alarm", enterprise, "HS-1",
                "default-gas-lel", "gas_lel", AlarmEvent.Kind.THRESHOLD, level, status, 30, 35, "%LEL", 20, at, at, at,
                "key-" + device, "gas_lel 30", false, 0, at, null,
                List.of(new Alarm.Transition("RAISE", null, AlarmEvent.Status.ACTIVE, "system", at, null)));
    }
}
