package io.safetyhub.warning.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.history.HistoryStore;
import io.safetyhub.warning.history.InMemoryBucketRepository;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.safetyhub.warning.support.Engines.reading;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch acknowledgement rule, plain JUnit: the engine's alarm change goes to Kafka while the batch is consumed,
 * and the batch is acknowledged (its offsets committable) only once its alarm events are acknowledged by Kafka, its
 * alarm state is stored and every history bucket its readings went into is stored.
 */
class ReadingConsumerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> kafkaAcks = new CopyOnWriteArrayList<>();
    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicInteger nacked = new AtomicInteger();
    private Engines e;
    private InMemoryBucketRepository buckets;
    private HistoryStore history;
    private ReadingConsumer consumer;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void wire() {
        e = Engines.fresh(clock, Map.of());
        buckets = new InMemoryBucketRepository(Duration.ofDays(90));
        history = new HistoryStore(buckets, e.config, clock);
        AlarmOutbox outbox = new AlarmOutbox(e.store, changes -> {
            changes.forEach(c -> sent.add(c.change() + " " + c.alarm().deviceId()));
            CompletableFuture<Void> ack = new CompletableFuture<>();
            kafkaAcks.add(ack);
            return ack;
        }, changes -> { });
        consumer = new ReadingConsumer(e.engine, history, outbox, meters, new ReadingOffsets(), e.config);
    }

    @Test
    void shouldSendTheAlarmAtOnceAndAcknowledgeTheBatchOnlyWhenEventsStateAndBucketsAreDurable() {
        List<Reading> batch = new ArrayList<>();
        batch.add(gas("GA-C1", 60, 0));
        for (int s = 1; s <= 20; s++) {
            batch.add(gas("GA-C2", 5, s)); // the rest of the batch: no alarm
        }
        consumer.consume(message(batch));

        assertEquals(List.of("RAISED GA-C1"), sent, "the event is on its way before anything is stored");
        e.store.written().join();
        assertEquals(0, acked.get(), "Kafka has not acknowledged the event");
        kafkaAcks.forEach(a -> a.complete(null));
        e.store.written().join();
        assertEquals(0, acked.get(), "the history buckets are not stored yet");

        // The minute, the grace and the seal spread are over: every bucket of the batch is due.
        clock.set(T0.plusSeconds(60).plus(e.config.history().sealGrace()).plus(e.config.history().sealSpread()));
        history.storeDue();
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.get() == 1);
        assertEquals(0, nacked.get());
    }

    @Test
    void shouldNotAcknowledgeTheBatchWhenItsBucketsAreStoredButKafkaHasNotAcknowledgedItsAlarm() {
        consumer.consume(message(List.of(gas("GA-C3", 60, 0))));
        history.flush();
        e.store.written().join();
        assertEquals(0, acked.get(), "stored, but the alarm event is not on Kafka");

        kafkaAcks.forEach(a -> a.complete(null));
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.get() == 1);
    }

    @Test
    void shouldAcknowledgeABatchWithoutAlarmsOnceItsBucketsAreStoredEvenWhenMongoWasAway() {
        consumer.consume(message(List.of(gas("GA-C4", 5, 0), gas("GA-C4", 6, 1))));
        buckets.refuse = true;
        history.storePartitions(List.of(-1)); // gives up after a few attempts; the batch still waits
        assertEquals(0, acked.get());

        buckets.refuse = false;
        history.storeDue();
        assertEquals(1, acked.get());
        assertEquals(0, sent.size());
    }

    @Test
    void shouldCountBatchesAndReadingsApartWhenBatchesOfDifferentSizesArrive() {
        consumer.consume(message(List.of(gas("GA-C6", 5, 0), gas("GA-C6", 6, 1), gas("GA-C6", 7, 2))));
        consumer.consume(message(List.of(gas("GA-C6", 8, 3))));

        assertEquals(2.0, meters.get("safetyhub_warning_reading_batches_total").counter().count());
        assertEquals(4.0, meters.get("safetyhub_warning_readings_total").counter().count(), "readings per batch = 2");
    }

    @Test
    void shouldRaiseOnceAndCountEachReadingOnceWhenTheSameBatchIsDeliveredTwice() {
        List<Reading> batch = List.of(gas("GA-C5", 60, 0), gas("GA-C5", 61, 1));
        consumer.consume(message(batch));
        kafkaAcks.forEach(a -> a.complete(null));
        consumer.consume(message(batch)); // redelivered before the commit
        history.flush();

        assertEquals(List.of("RAISED GA-C5"), sent);
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.get() == 2);
        String id = HistoryStore.bucketId("GA-C5", "gas_lel", T0);
        assertEquals(2L, buckets.byIds(List.of(id)).get(0).get("count", Number.class).longValue());
    }

    private Message<List<Reading>> message(List<Reading> readings) {
        return Message.of(readings).withAck(() -> {
            acked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            nacked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }

    private static Reading gas(String device, double value, int second) {
        return reading(device, "gas-alarm", "gas_lel", value, T0.plusSeconds(second));
    }

}
