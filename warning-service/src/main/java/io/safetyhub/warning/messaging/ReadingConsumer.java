package io.safetyhub.warning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.history.HistoryStore;
import io.safetyhub.warning.notify.AlarmDispatcher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds {@code telemetry.readings.v1} to the engine and the history, one polled batch at a time. The
 * batch's offsets are committed only after the method returns, i.e. after its history buckets are written
 * (retried until MongoDB takes them), its alarms stored and their events acknowledged by Kafka
 * (at-least-once; the engine makes a repeat harmless).
 */
@ApplicationScoped
public class ReadingConsumer {
    private final AlarmEngine engine;
    private final HistoryStore history;
    private final AlarmDispatcher dispatcher;
    private final MeterRegistry metrics;

    public ReadingConsumer(AlarmEngine engine, HistoryStore history, AlarmDispatcher dispatcher,
                           MeterRegistry metrics) {
        this.engine = engine;
        this.history = history;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Incoming("readings")
    @Blocking
    public void consume(List<Reading> batch) {
        List<AlarmChange> changes = new ArrayList<>();
        for (Reading reading : batch) {
            if (reading == null) {
                continue; // undeserialisable record, already logged by the deserializer
            }
            changes.addAll(engine.onReading(reading));
            history.add(reading);
            metrics.counter("safetyhub_warning_readings_total", "kind", String.valueOf(reading.deviceKind()))
                    .increment();
        }
        history.flush();
        dispatcher.dispatch(changes);
    }
}
