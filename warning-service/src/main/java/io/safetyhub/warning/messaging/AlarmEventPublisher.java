package io.safetyhub.warning.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmEventSink;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Publishes alarm changes on {@code alarms.events.v1}, keyed by alarm id, and waits for Kafka's acks. */
@ApplicationScoped
public class AlarmEventPublisher implements AlarmEventSink {
    private static final Logger LOG = Logger.getLogger(AlarmEventPublisher.class);

    private final Emitter<AlarmEvent> emitter;
    private final EnterpriseDirectory enterprises;
    private final WarningConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public AlarmEventPublisher(@Channel("alarm-events") Emitter<AlarmEvent> emitter, EnterpriseDirectory enterprises,
                               WarningConfig config, Clock clock, MeterRegistry metrics) {
        this.emitter = emitter;
        this.enterprises = enterprises;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Blocks until Kafka has every event, so that the readings that caused them are committed only afterwards: a
     * crash in between replays them, and the engine's idempotency absorbs the repeat. All events are sent before the
     * first ack is awaited (one round trip for a batch, not one per change). Events Kafka did not acknowledge (an
     * outage, a delivery timeout) are sent again, in their order, with back-off, until it does: giving up would lose
     * the alarm, since the replayed reading finds it already stored.
     */
    @Override
    public void publish(List<AlarmChange> changes) {
        List<AlarmEvent> waiting = new ArrayList<>();
        for (AlarmChange change : changes) {
            waiting.add(AlarmMapper.toEvent(change, enterprises.districtOf(change.alarm().enterpriseId()),
                    config.source(), clock.instant()));
        }
        long backoff = 200;
        while (!waiting.isEmpty()) {
            List<CompletableFuture<Void>> acks = waiting.stream().map(this::send).toList();
            List<AlarmEvent> refused = new ArrayList<>();
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).join();
                    AlarmEvent event = waiting.get(i);
                    metrics.counter("safetyhub_warning_alarm_changes_total", "change", event.change().name(),
                            "level", event.level().name()).increment();
                } catch (CompletionException e) {
                    refused.add(waiting.get(i));
                }
            }
            if (!refused.isEmpty()) {
                LOG.warnf("Kafka did not acknowledge %d alarm event(s), first %s; sending again in %d ms",
                        refused.size(), refused.get(0).alarmId(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
            waiting = refused;
        }
    }

    private CompletableFuture<Void> send(AlarmEvent event) {
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
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acked.completeExceptionally(e); // e.g. the emitter's buffer is full during an outage
        }
        return acked;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-sending alarm events", e);
        }
    }
}
