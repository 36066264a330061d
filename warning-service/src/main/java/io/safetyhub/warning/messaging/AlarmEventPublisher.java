package io.safetyhub.warning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.EnterpriseView;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Publishes alarm changes on {@code alarms.events.v1}, keyed by alarm id, and waits for Kafka's ack. */
@ApplicationScoped
public class AlarmEventPublisher {
    private final Emitter<AlarmEvent> emitter;
    private final EnterpriseView enterprises;
    private final WarningConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public AlarmEventPublisher(@Channel("alarm-events") Emitter<AlarmEvent> emitter, EnterpriseView enterprises,
                               WarningConfig config, Clock clock, MeterRegistry metrics) {
        this.emitter = emitter;
        this.enterprises = enterprises;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Blocks until Kafka has the event, so that the reading that caused it is committed only afterwards:
     * a crash in between replays the reading, and the engine's idempotency absorbs the repeat.
     */
    public void publish(AlarmChange change) {
        AlarmEvent event = AlarmMapper.toEvent(change, enterprises.districtOf(change.alarm().enterpriseId()),
                config.source(), clock.instant());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<AlarmEvent> message = Message.of(event,
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.alarmId()).build()),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        acked.join();
        metrics.counter("safetyhub_warning_alarm_changes_total", "change", event.change().name(),
                "level", event.level().name()).increment();
    }
}
