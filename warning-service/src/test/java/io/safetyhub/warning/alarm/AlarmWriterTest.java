package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alarm write-behind: in order, retried while MongoDB is away, bounded. */
class AlarmWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    /** Records the writes that landed, in order; fails or blocks on demand. */
    private static final class Recording extends InMemoryAlarmRepository {
        final List<String> landed = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile CountDownLatch gate;

        @Override
        public boolean insert(Alarm alarm, List<String> changes) {
            pass();
            landed.add("insert " + alarm.id() + " " + changes);
            return super.insert(alarm, changes);
        }

        @Override
        public void replace(Alarm alarm, List<String> changes) {
            pass();
            landed.add("replace " + alarm.id() + " " + alarm.status() + " " + changes);
            super.replace(alarm, changes);
        }

        @Override
        public void setUnpublished(Map<String, List<String>> byAlarm) {
            pass();
            landed.add("outbox " + byAlarm);
            super.setUnpublished(byAlarm);
        }

        private void pass() {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("MongoDB away (test)");
            }
        }
    }

    private final Recording repository = new Recording();
    private AlarmWriter writer;

    @AfterEach
    void close() {
        if (repository.gate != null) {
            repository.gate.countDown();
        }
        writer.close();
    }

    @Test
    void shouldStoreEveryWriteInTheOrderHandedInWhenManyAlarmsChange() {
        writer = new AlarmWriter(repository, 1000, Duration.ofMillis(1));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Alarm a = alarm("GA-" + (i % 5), AlarmEvent.Status.ACTIVE);
            writer.insert(a, List.of("RAISED"));
            expected.add("insert " + a.id() + " [RAISED]");
            Alarm cleared = alarm("GA-" + (i % 5), AlarmEvent.Status.CLEARED_UNACKNOWLEDGED);
            writer.replace(cleared, List.of("RAISED", "CLEARED"));
            expected.add("replace " + cleared.id() + " CLEARED_UNACKNOWLEDGED [RAISED, CLEARED]");
        }
        writer.tail().join();
        assertEquals(expected, repository.landed);
    }

    @Test
    void shouldRetryAWriteAndHoldTheOnesBehindItWhenMongoIsAway() {
        writer = new AlarmWriter(repository, 1000, Duration.ofMillis(1));
        repository.failuresLeft.set(3);
        Alarm a = alarm("GA-R", AlarmEvent.Status.ACTIVE);
        CompletableFuture<Void> first = writer.insert(a, List.of("RAISED"));
        CompletableFuture<Void> second = writer.setUnpublished(Map.of(a.id(), List.of()));

        second.join();
        assertTrue(first.isDone() && !first.isCompletedExceptionally());
        assertEquals(List.of("insert " + a.id() + " [RAISED]", "outbox {" + a.id() + "=[]}"), repository.landed,
                "the outbox removal lands after the insert it follows, despite three failed attempts");
        assertEquals(Map.of(), repository.findUnpublished());
    }

    @Test
    void shouldMakeTheNextWriterWaitWhenTheQueueIsFull() {
        writer = new AlarmWriter(repository, 2, Duration.ofMillis(1));
        repository.gate = new CountDownLatch(1); // MongoDB hangs
        writer.insert(alarm("GA-Q1", AlarmEvent.Status.ACTIVE), List.of("RAISED")); // taken, hanging
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.waiting() == 0);
        writer.insert(alarm("GA-Q2", AlarmEvent.Status.ACTIVE), List.of("RAISED"));
        writer.insert(alarm("GA-Q3", AlarmEvent.Status.ACTIVE), List.of("RAISED")); // the queue is full

        Thread producer = new Thread(() -> writer.insert(alarm("GA-Q4", AlarmEvent.Status.ACTIVE), List.of("RAISED")));
        producer.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.getState() == Thread.State.WAITING);
        assertEquals(2, writer.waiting(), "no more than the capacity waits in memory");
        assertFalse(writer.tail().isDone());

        repository.gate.countDown(); // MongoDB answers again
        await().atMost(Duration.ofSeconds(5)).until(() -> !producer.isAlive());
        writer.tail().join();
        assertEquals(4, repository.landed.size());
    }

    private static Alarm alarm(String device, AlarmEvent.Status status) {
        return new Alarm(Alarm.idFor(device, "default-gas-lel", T0), device, "gas-alarm", "chem-banan-01", null,
                "default-gas-lel", "gas_lel", AlarmEvent.Kind.THRESHOLD, AlarmLevel.YELLOW, status, 30, 30, "%LEL", 20,
                T0, T0, T0, null, "test", false, 0, T0, null, List.of());
    }
}
