package io.safetyhub.warning.verification;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.warning.alarm.Alarm;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The verification loop of the national monitoring system's operating rules (采集 → 推送 → 核查反馈): a closed level
 * I/II alarm's disposal waits for the regulator, who accepts it or returns it with a note; returned, it is submitted
 * again.
 */
class VerificationRulesTest {
    private static final Instant CLOSED = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void shouldWaitForTheRegulatorWithTheEnterprisesDisposalWhenAnAlarmIsClosed() {
        Verification v = VerificationRules.opened(closedAlarm());
        assertEquals(Verification.Status.PENDING, v.status());
        assertEquals(CLOSED, v.closedAt());
        assertEquals("REAL_DANGER", v.cause());
        assertEquals(List.of(new Verification.Step(Verification.Action.SUBMITTED, "ent.chem", CLOSED, "valve closed",
                "REAL_DANGER")), v.steps());
    }

    @Test
    void shouldRecordWhoAcceptedAndWhenWhenTheRegulatorAccepts() {
        Verification v = VerificationRules.decide(opened(), true, null, "reg.banan", CLOSED.plusSeconds(600));
        assertEquals(Verification.Status.ACCEPTED, v.status());
        assertEquals(CLOSED.plusSeconds(600), v.verifiedAt());
        assertEquals(Verification.Action.ACCEPTED, v.steps().get(1).action());
    }

    @Test
    void shouldNameTheNoteWhenARegulatorReturnsADisposalWithoutSayingWhy() {
        DomainException e = assertThrows(DomainException.class,
                () -> VerificationRules.decide(opened(), false, " ", "reg.banan", CLOSED));
        assertEquals(400, e.status());
        assertEquals("note", e.errors().get(0).field());
    }

    @Test
    void shouldWaitAgainWhenTheEnterpriseResubmitsAReturnedDisposal() {
        Verification returned = VerificationRules.decide(opened(), false, "photo of the closed valve missing",
                "reg.banan", CLOSED.plusSeconds(60));
        assertEquals(Verification.Status.RETURNED, returned.status());
        assertNull(returned.verifiedAt());
        Verification again = VerificationRules.resubmit(returned, "REAL_DANGER", "photo attached", "ent.chem",
                CLOSED.plusSeconds(120));
        assertEquals(Verification.Status.PENDING, again.status());
        assertEquals(List.of(Verification.Action.SUBMITTED, Verification.Action.RETURNED,
                Verification.Action.RESUBMITTED), again.steps().stream().map(Verification.Step::action).toList());
    }

    @Test
    void shouldRefuseADecisionWhenTheDisposalIsNotPending() {
        Verification accepted = VerificationRules.decide(opened(), true, null, "reg.banan", CLOSED);
        assertEquals(409, assertThrows(DomainException.class,
                () -> VerificationRules.decide(accepted, false, "late", "reg.city", CLOSED)).status());
        assertEquals(409, assertThrows(DomainException.class,
                () -> VerificationRules.resubmit(opened(), "FALSE_ALARM", "n", "ent.chem", CLOSED)).status(),
                "only a returned disposal is submitted again");
    }

    /** Issue 23's figures: share verified and time to verify (nearest-rank median and p90, minutes). */
    @Test
    void shouldCountTheShareAcceptedAndTheTimeToVerifyWhenComputingFigures() {
        List<Verification> period = List.of(
                VerificationRules.decide(opened(), true, null, "reg.banan", CLOSED.plusSeconds(10 * 60)),
                VerificationRules.decide(opened(), true, null, "reg.banan", CLOSED.plusSeconds(30 * 60)),
                VerificationRules.decide(opened(), true, null, "reg.banan", CLOSED.plusSeconds(120 * 60)),
                VerificationRules.decide(opened(), false, "again", "reg.banan", CLOSED.plusSeconds(60)),
                opened());
        VerificationStats s = VerificationRules.stats(period);
        assertEquals(new VerificationStats(5, 3, 1, 1, 60.0, 30L, 120L), s);
        assertEquals(new VerificationStats(0, 0, 0, 0, null, null, null), VerificationRules.stats(List.of()));
    }

    private static Verification opened() {
        return VerificationRules.opened(closedAlarm());
    }

    private static Alarm closedAlarm() {
        Instant raised = CLOSED.minusSeconds(3600);
        return new Alarm(Alarm.idFor("GA-V1", "default-gas-lel", raised), "GA-V1", "gas-alarm", "chem-banan-01",
                "HS-1", "default-gas-lel", "gas_lel", AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE,
                AlarmEvent.Status.CLOSED, 1, 60, "%LEL", 50, raised, CLOSED, raised, "k", "gas_lel 60", false, 0,
                raised, "REAL_DANGER", List.of(
                new Alarm.Transition("RAISE", null, AlarmEvent.Status.ACTIVE, "system", raised, null),
                new Alarm.Transition("CLOSE", AlarmEvent.Status.CLEARED, AlarmEvent.Status.CLOSED, "ent.chem", CLOSED,
                        "valve closed")));
    }
}
