package io.safetyhub.warning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.history.HistoryStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Feeds {@code telemetry.readings.v1} to the engine and the history, one polled batch at a time. Alarms are decided,
 * stored and acknowledged by Kafka within the batch (their latency never includes a history write); the batch's
 * readings are gathered for the history, and the batch is acknowledged, so its offsets committed, only once a flush
 * has written them: every second ({@link #flushEverySecond()}), or at once when more than
 * {@code warning.history.max-pending-samples} wait. At-least-once; the engine, the alarm outbox and the history's
 * sample keys make a repeat harmless.
 */
@ApplicationScoped
public class ReadingConsumer {
    private final AlarmEngine engine;
    private final HistoryStore history;
    private final AlarmOutbox outbox;
    private final MeterRegistry metrics;
    private final int maxPending;
    /** Batches whose readings are gathered but not yet written; guarded by itself. */
    private final List<Message<?>> unwritten = new ArrayList<>();
    private final Object flushing = new Object();

    public ReadingConsumer(AlarmEngine engine, HistoryStore history, AlarmOutbox outbox,
                           MeterRegistry metrics, WarningConfig config) {
        this.engine = engine;
        this.history = history;
        this.outbox = outbox;
        this.metrics = metrics;
        this.maxPending = config.history().maxPendingSamples();
    }

    @Incoming("readings")
    @Blocking
    public CompletionStage<Void> consume(Message<List<Reading>> batch) {
        List<AlarmChange> changes = new ArrayList<>();
        // Counted per kind once a batch: a registry lookup per reading was a measurable share of the hot path.
        Map<String, Integer> perKind = new HashMap<>();
        List<Reading> readings = new ArrayList<>(batch.getPayload().size());
        for (Reading reading : batch.getPayload()) {
            if (reading == null) {
                continue; // undeserialisable record, already logged by the deserializer
            }
            changes.addAll(engine.onReading(reading));
            readings.add(reading);
            perKind.merge(String.valueOf(reading.deviceKind()), 1, Integer::sum);
        }
        outbox.relay(changes);
        synchronized (unwritten) {
            // Gathered before the batch is queued: a flush that takes the batch writes its readings too.
            readings.forEach(history::add);
            unwritten.add(batch);
        }
        perKind.forEach((kind, n) -> metrics.counter("safetyhub_warning_readings_total", "kind", kind).increment(n));
        if (history.pendingSamples() > maxPending) {
            flushAndAcknowledge(); // back-pressure: the consumer waits rather than gathering without bound
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Writes the readings gathered since the last time and lets their batches be committed. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushEverySecond() {
        flushAndAcknowledge();
    }

    /**
     * Writes the gathered readings and then acknowledges their batches; a flush that gives up (MongoDB away for
     * good) nacks them, which stops the channel rather than committing readings that were not stored.
     */
    public void flushAndAcknowledge() {
        synchronized (flushing) {
            List<Message<?>> done;
            synchronized (unwritten) {
                done = new ArrayList<>(unwritten);
                unwritten.clear();
            }
            try {
                history.flush();
            } catch (RuntimeException e) {
                done.forEach(m -> m.nack(e));
                throw e;
            }
            done.forEach(Message::ack);
        }
    }
}
