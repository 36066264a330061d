package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.rule.StandardDefaults;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.safetyhub.warning.support.Engines.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partition-owned state, as plain JUnit: two replicas on one repository, each owning some partitions of a 2-partition
 * readings topic, hand a partition over the way the rebalance listener does (release, then adopt).
 */
class PartitionOwnershipTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final int PARTITIONS = 2;
    private static final String ON_0 = keyOn(0, "GA-");
    private static final String ON_1 = keyOn(1, "GA-");

    private MutableClock clock;
    private Engines base;
    private Ownership ownsA;
    private Engines a;

    @BeforeEach
    void replicaAOwningEverything() {
        clock = new MutableClock(T0);
        base = Engines.fresh(clock, Map.of());
        ownsA = new Ownership();
        a = Engines.replica(base, ownsA);
        ownsA.assign(PARTITIONS, Set.of(0, 1));
        a.store.adopt(Set.of(0, 1));
    }

    @Test
    void shouldOwnOnlyKeysOfAssignedPartitionsWhenAssigned() {
        Ownership o = new Ownership();
        assertFalse(o.owns(ON_0), "nothing is owned before the first assignment");
        o.assign(PARTITIONS, Set.of(1));
        assertFalse(o.owns(ON_0));
        assertTrue(o.owns(ON_1));
        assertEquals(1, o.partitionOf(ON_1));
        assertTrue(Ownership.all().owns(ON_0));
    }

    @Test
    void shouldLetTheWholeReadInputsThroughOnlyWhenTheFirstAssignmentCame() throws InterruptedException {
        Ownership o = new Ownership();
        assertFalse(o.awaitFirstAssignment(Duration.ZERO), "before any assignment nobody may apply a status or event");
        o.assign(PARTITIONS, Set.of());
        assertTrue(o.awaitFirstAssignment(Duration.ZERO), "an assignment without partitions still tells what is owned");
        assertTrue(Ownership.all().awaitFirstAssignment(Duration.ZERO));
    }

    @Test
    void shouldKeyAnAlarmByItsEnterpriseWhenItHasNoDevice() {
        Alarm commitment = raiseCommitment(a, ON_1);
        assertEquals(ON_1, Ownership.keyOf(commitment));
        Alarm gas = gas(a, ON_0, 30, 0).get(0).alarm();
        assertEquals(ON_0, Ownership.keyOf(gas));
    }

    @Test
    void shouldHoldAndEscalateOnlyOwnedAlarmsWhenAPartitionIsHandedOver() {
        acked(a, gas(a, ON_0, 30, 0));
        acked(a, gas(a, ON_1, 30, 0));
        Engines b = handOverPartition1();

        assertEquals(List.of(ON_0), devices(a));
        assertEquals(List.of(ON_1), devices(b));
        assertTrue(gas(a, ON_1, 60, 5).isEmpty(), "A no longer decides for partition 1");
        assertTrue(gas(b, ON_1, 30, 0).isEmpty(), "B knows the alarm's id and watermark: a replay raises nothing");
        assertEquals(AlarmEvent.Change.LEVEL_RAISED, gas(b, ON_1, 60, 6).get(0).change());

        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(ON_0), a.escalator.escalateDue().stream().map(c -> c.alarm().deviceId()).toList());
        assertEquals(List.of(ON_1), b.escalator.escalateDue().stream().map(c -> c.alarm().deviceId()).toList());
    }

    @Test
    void shouldRaiseADevicelessAlarmOnlyOnItsEnterprisesOwnerWhenTwoReplicasRun() {
        Engines b = handOverPartition1();
        List<AlarmChange> onA = new ArrayList<>();
        List<AlarmChange> onB = new ArrayList<>();
        commitment(a, ON_1, onA);
        commitment(b, ON_1, onB);
        assertEquals(0, onA.size());
        assertEquals(1, onB.size());
    }

    /**
     * The new owner keeps no alarm ids, only each slot's newest raising time: a replayed event of an alarm closed
     * before the handover (read back from the per-slot marks, not from the open alarms) must still raise nothing.
     */
    @Test
    void shouldRaiseAClosedAlarmOnceWhenItsNewOwnerReplaysTheEventThatRaisedIt() {
        Alarm raised = raiseCommitment(a, ON_1);
        synchronized (a.store) {
            Alarm closed = raised.moved("CLOSE", AlarmEvent.Status.CLOSED, "ent.chem", T0.plusSeconds(60), "posted",
                    "posted late");
            a.store.save(closed, AlarmEvent.Change.CLOSED);
            a.store.published(List.of(new AlarmChange(raised, AlarmEvent.Change.RAISED),
                    new AlarmChange(closed, AlarmEvent.Change.CLOSED)));
        }
        a.store.written().join();
        Engines b = handOverPartition1();
        assertTrue(b.store.openAlarms().isEmpty(), "a closed alarm is not held in memory");

        List<AlarmChange> replayed = new ArrayList<>();
        commitment(b, ON_1, replayed);
        assertEquals(List.of(), replayed, "the same event again: a replay");
        assertEquals(1, base.repository.findAll().size());

        List<AlarmChange> nextDay = new ArrayList<>();
        b.engine.raise("commitment:" + ON_1 + ":2026-06-01", ON_1, null, StandardDefaults.COMMITMENT, null,
                AlarmEvent.Kind.COMMITMENT_MISSING, T0.plusSeconds(120), "still not posted", nextDay);
        assertEquals(1, nextDay.size(), "a later raising time of the same slot is a new alarm");
    }

    @Test
    void shouldPublishAPreviousOwnersUnacknowledgedChangeWhenAdoptingItsPartition() {
        List<AlarmChange> raised = gas(a, ON_1, 30, 0); // stored, but Kafka's ack never seen: A is killed
        a.store.written().join();
        Ownership ownsB = new Ownership();
        Engines b = Engines.replica(base, ownsB);
        ownsB.assign(PARTITIONS, Set.of(1));
        b.store.adopt(Set.of(1));
        List<AlarmChange> recovered = b.store.takeRecovered();
        assertEquals(1, recovered.size());
        assertEquals(raised.get(0).alarm().id(), recovered.get(0).alarm().id());
        assertEquals(AlarmEvent.Change.RAISED, recovered.get(0).change());
    }

    /**
     * The scale-out drill's duplicate RAISED: a previous owner's change Kafka has, left in the outbox by its kill, was
     * sent again by the survivor's stale-device timer (it relays every second, and a relay sends what is recovered)
     * while the takeover was still reading the alarm topic to find it there.
     */
    @Test
    void shouldNotSendAPreviousOwnersChangeWhenATimerRelaysWhileTheTakeoverReadsTheTopic() {
        List<AlarmChange> raised = gas(a, ON_1, 30, 0); // stored with RAISED pending; Kafka has it; A is killed
        a.store.written().join();
        List<String> sent = new ArrayList<>();
        Ownership ownsB = new Ownership();
        Engines b = Engines.replica(base, ownsB);
        AlarmOutbox relay = new AlarmOutbox(b.store, changes -> {
            changes.forEach(c -> sent.add(c.change() + " " + c.alarm().id()));
            return CompletableFuture.completedFuture(null);
        }, changes -> { });
        ownsB.assign(PARTITIONS, Set.of());
        List<AlarmChange> checked = new ArrayList<>();
        b.store.adopt(Set.of(1), left -> { // reading the alarm topic (PublishedCheck)...
            relay.relay(List.of()); // ...while the stale-device timer relays, as it does every second
            checked.addAll(left);
            return left; // the topic has it
        });
        relay.relay(List.of());
        assertEquals(List.of(), sent, "a change the topic has is not sent again, by no relay");
        assertEquals(List.of(raised.get(0).alarm().id()), checked.stream().map(c -> c.alarm().id()).toList());
        b.store.written().join();
        assertTrue(base.repository.findUnpublished().isEmpty(), "and it has left the stored outbox");
    }

    @Test
    void shouldSendAPreviousOwnersChangeOnceWhenTheTopicDoesNotHaveIt() {
        List<AlarmChange> raised = gas(a, ON_1, 30, 0); // stored, never sent: A is killed before Kafka had it
        a.store.written().join();
        Ownership ownsB = new Ownership();
        Engines b = Engines.replica(base, ownsB);
        ownsB.assign(PARTITIONS, Set.of());
        b.store.adopt(Set.of(1), left -> {
            assertTrue(b.store.takeRecovered().isEmpty(), "nothing is handed to a relay before the check");
            return List.of();
        });
        assertEquals(List.of(raised.get(0).alarm().id()), b.store.takeRecovered().stream().map(c -> c.alarm().id())
                .toList());
        assertTrue(b.store.takeRecovered().isEmpty(), "once");
    }

    @Test
    void shouldTimeDebounceAfreshWhenAPartitionComesBack() {
        ownsA.assign(PARTITIONS, Set.of(0));
        a.store.release(Set.of(1), Duration.ofSeconds(5));
        a.engine.release(Set.of(1), PARTITIONS);
        assertTrue(a.engine.enterpriseOf(ON_1).isEmpty(), "what A knew of the device is forgotten");
        assertFalse(a.store.owns(ON_1));
    }

    private Engines handOverPartition1() {
        ownsA.assign(PARTITIONS, Set.of(0));
        a.store.release(Set.of(1), Duration.ofSeconds(5));
        a.engine.release(Set.of(1), PARTITIONS);
        Ownership ownsB = new Ownership();
        Engines b = Engines.replica(base, ownsB);
        ownsB.assign(PARTITIONS, Set.of(1));
        b.store.adopt(Set.of(1));
        return b;
    }

    private static List<AlarmChange> acked(Engines e, List<AlarmChange> changes) {
        e.store.published(changes);
        e.store.written().join();
        return changes;
    }

    private static List<String> devices(Engines e) {
        return e.store.openAlarms().stream().map(Alarm::deviceId).sorted().toList();
    }

    private static List<AlarmChange> gas(Engines e, String device, double value, int second) {
        return e.engine.onReading(reading(device, "gas-detector", "gas_lel", value, T0.plusSeconds(second)));
    }

    private static void commitment(Engines e, String enterprise, List<AlarmChange> out) {
        e.engine.raise("commitment:" + enterprise + ":2026-06-01", enterprise, null, StandardDefaults.COMMITMENT, null,
                AlarmEvent.Kind.COMMITMENT_MISSING, T0, "not posted", out);
    }

    private static Alarm raiseCommitment(Engines e, String enterprise) {
        List<AlarmChange> out = new ArrayList<>();
        commitment(e, enterprise, out);
        return out.get(0).alarm();
    }

    private static String keyOn(int partition, String prefix) {
        return IntStream.range(0, 1_000).mapToObj(i -> prefix + i)
                .filter(k -> KeyPartition.of(k, PARTITIONS) == partition).findFirst().orElseThrow();
    }
}
