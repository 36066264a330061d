package io.safetyhub.warning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds {@code telemetry.readings.v1} to the engine. The offset is committed only after the method
 * returns, i.e. after the alarm is stored and its event acknowledged by Kafka (at-least-once; the
 * engine makes the repeat harmless).
 */
@ApplicationScoped
public class ReadingConsumer {
    private final AlarmEngine engine;
    private final AlarmEventPublisher publisher;
    private final MeterRegistry metrics;

    public ReadingConsumer(AlarmEngine engine, AlarmEventPublisher publisher, MeterRegistry metrics) {
        this.engine = engine;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Incoming("readings")
    @Blocking
    public void consume(Reading reading) {
        engine.onReading(reading).forEach(publisher::publish);
        metrics.counter("safetyhub_warning_readings_total", "kind", String.valueOf(reading.deviceKind())).increment();
    }
}
