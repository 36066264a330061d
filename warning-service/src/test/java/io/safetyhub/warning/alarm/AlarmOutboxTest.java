package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.safetyhub.warning.support.Engines.reading;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox relay, plain JUnit on the in-memory repositories. The alarm state is written behind; the relay's future
 * (what a readings batch waits for before it is acknowledged) completes only once the sink (Kafka) has the change
 * AND it is stored. A crash between storing a change and Kafka's ack (the kill-warning drill lost such alarms): the
 * replayed reading cannot raise the alarm again, so the stored outbox must publish the change after the restart. A
 * crash before the change was stored: the replayed reading decides it again, with the same id.
 */
class AlarmOutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Engines e;

    @BeforeEach
    void fresh() {
        e = Engines.fresh(new MutableClock(T0), Map.of());
    }

    @Test
    void shouldPublishTheUnpublishedChangesInOrderWhenRestartedAfterACrash() {
        List<AlarmChange> raised = gas(e, 30, 0);
        gas(e, 0, 1);
        // crash once stored: nothing was relayed

        Engines restarted = e.restarted();
        assertTrue(gas(restarted, 30, 0).isEmpty(), "the replayed reading raises nothing: only the outbox can");
        outbox(restarted).relay(List.of());
        assertEquals(List.of("sink RAISED " + raised.get(0).alarm().id(), "sink CLEARED " + raised.get(0).alarm().id(),
                "listener 2"), log);
        outbox(restarted).relay(List.of());
        assertEquals(3, log.size(), "recovered changes are published once");
        restarted.store.written().join(); // their removal from the outbox is written behind, like every write
        assertTrue(e.restarted().store.takeRecovered().isEmpty(), "and have left the stored outbox");
    }

    @Test
    void shouldRecoverOnlyTheChangeTheSinkNeverHadWhenRestarted() {
        outbox(e).relay(gas(e, 60, 0));
        gas(e, 0, 1); // crash before this one is relayed

        List<AlarmChange> recovered = e.restarted().store.takeRecovered();
        assertEquals(List.of(AlarmEvent.Change.CLEARED), recovered.stream().map(AlarmChange::change).toList());
    }

    @Test
    void shouldKeepTheChangeInTheOutboxAndNotifyNobodyWhenTheSinkFails() {
        AlarmOutbox failing = new AlarmOutbox(e.store, changes -> {
            throw new IllegalStateException("Kafka away");
        }, changes -> log.add("listener " + changes.size()));
        List<AlarmChange> raised = gas(e, 60, 0);
        assertThrows(IllegalStateException.class, () -> failing.relay(raised));
        assertEquals(List.of(), log, "no notification before Kafka has the change");
        assertEquals(List.of(AlarmEvent.Change.RAISED),
                e.restarted().store.takeRecovered().stream().map(AlarmChange::change).toList());
    }

    @Test
    void shouldNotCompleteTheRelayWhenKafkaHasNotAcknowledgedAndPublishTheStoredChangeAfterARestart() {
        CompletableFuture<Void> kafkaAck = new CompletableFuture<>();
        AlarmOutbox waiting = new AlarmOutbox(e.store, changes -> kafkaAck, changes -> log.add("listener"));
        List<AlarmChange> raised = gas(e, 60, 0);

        CompletableFuture<Void> relayed = waiting.relayAsync(raised);
        e.store.written().join();
        assertFalse(relayed.isDone(), "stored but not on Kafka: the readings batch must not be acknowledged");
        // kill -9 here: the stored outbox publishes it after the restart
        assertEquals(List.of(AlarmEvent.Change.RAISED),
                e.restarted().store.takeRecovered().stream().map(AlarmChange::change).toList());
        kafkaAck.complete(null);
        relayed.join();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("listener"));
    }

    @Test
    void shouldNotCompleteTheRelayWhenTheStateIsNotStoredAndDecideTheSameChangeAgainAfterARestart() {
        e.repository.refuseWrites = true; // MongoDB away: the writer retries in the background
        List<AlarmChange> raised = gas(e, 60, 0);
        CompletableFuture<Void> relayed = outbox(e).relayAsync(raised);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("listener 1"));
        assertFalse(relayed.isDone(), "on Kafka but not stored: the readings batch must not be acknowledged");

        e.store.close(); // kill -9: what the writer had not stored is lost
        e.repository.refuseWrites = false;
        Engines restarted = Engines.onSameRepositories(e);
        List<AlarmChange> again = gas(restarted, 60, 0); // the readings are delivered again
        assertEquals(List.of(raised.get(0).alarm().id()), again.stream().map(c -> c.alarm().id()).toList(),
                "the same change, with the same id, decided again");
        assertEquals(AlarmEvent.Change.RAISED, again.get(0).change());
    }

    @Test
    void shouldRecordButNeitherPublishNorNotifyWhenTheDeviceIsShelved() {
        e.shelves.put(new Shelves.Shelf("GA-OUT", "chem-banan-01", T0.plus(Duration.ofHours(2)), "calibration",
                "ent.chem", T0));
        List<AlarmChange> raised = gas(e, 60, 0);
        assertTrue(raised.get(0).alarm().suppressed());
        outbox(e).relay(raised);
        assertEquals(List.of(), log);
        assertTrue(e.restarted().store.takeRecovered().isEmpty(), "a shelved device's change leaves the outbox too");
        assertTrue(e.repository.findById(raised.get(0).alarm().id()).isPresent(), "but the alarm is recorded");
    }

    @Test
    void shouldStoreButNotSendAChangeWhenAKilledOwnerPublishedItBeforeStoringIt() {
        List<AlarmChange> killedOwners = gas(e, 60, 0); // decided and published by the owner, then kill -9: not stored
        TopicEchoes echoes = new TopicEchoes(new MutableClock(T0));
        echoes.remember(killedOwners.stream().map(TopicEchoes::key).toList()); // read from the topic at takeover
        Engines next = Engines.fresh(new MutableClock(T0), Map.of()); // the new owner: nothing of it in the store

        List<AlarmChange> decidedAgain = gas(next, 60, 0); // the replayed reading: same alarm id
        assertEquals(killedOwners.get(0).alarm().id(), decidedAgain.get(0).alarm().id());
        outbox(next, echoes).relay(decidedAgain);
        gas(next, 0, 1).forEach(c -> outbox(next, echoes).relay(List.of(c)));

        assertEquals(List.of("sink CLEARED " + decidedAgain.get(0).alarm().id(), "listener 1"), log,
                "RAISED is not sent twice; what comes after it is sent as usual");
        assertTrue(next.repository.findById(decidedAgain.get(0).alarm().id()).isPresent(), "the alarm is stored");
        assertTrue(next.restarted().store.takeRecovered().isEmpty(), "and has left the outbox");
    }

    private AlarmOutbox outbox(Engines engines, TopicEchoes echoes) {
        return new AlarmOutbox(engines.store, changes -> {
            changes.forEach(c -> log.add("sink " + c.change() + " " + c.alarm().id()));
            return CompletableFuture.completedFuture(null);
        }, changes -> log.add("listener " + changes.size()), echoes);
    }

    private AlarmOutbox outbox(Engines engines) {
        return new AlarmOutbox(engines.store, changes -> {
            changes.forEach(c -> log.add("sink " + c.change() + " " + c.alarm().id()));
            return CompletableFuture.completedFuture(null);
        }, changes -> log.add("listener " + changes.size()));
    }

    private static List<AlarmChange> gas(Engines engines, double value, int second) {
        return engines.engine.onReading(reading("GA-OUT", "gas-alarm", "gas_lel", value, T0.plusSeconds(second)));
    }
}
