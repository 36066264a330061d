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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Publishes alarm changes on {@code alarms.events.v1}, keyed by alarm id; Kafka's acks complete a future. */
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
     * Sends every event at once (the producer's {@code linger.ms=0}: no batching delay) and returns without waiting;
     * the future completes once Kafka has acknowledged them all. Each event's {@code occurredAt} is stamped here, as it
     * is built, right after the decision. Events Kafka did not acknowledge (an outage, a delivery timeout) are sent
     * again, in their order, with back-off (200 ms doubling to 5 s), until it does: giving up would lose the alarm,
     * since the replayed reading finds it already decided. Nobody's thread waits meanwhile.
     */
    @Override
    public CompletableFuture<Void> publish(List<AlarmChange> changes) {
        List<AlarmEvent> events = new ArrayList<>(changes.size());
        for (AlarmChange change : changes) {
            events.add(AlarmMapper.toEvent(change, enterprises.districtOf(change.alarm().enterpriseId()),
                    config.source(), clock.instant()));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        attempt(events, 200, done);
        return done;
    }

    private void attempt(List<AlarmEvent> waiting, long backoff, CompletableFuture<Void> done) {
        List<CompletableFuture<Void>> acks = waiting.stream().map(this::send).toList();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            List<AlarmEvent> refused = new ArrayList<>();
            for (int i = 0; i < acks.size(); i++) {
                AlarmEvent event = waiting.get(i);
                if (acks.get(i).isCompletedExceptionally()) {
                    refused.add(event);
                } else {
                    metrics.counter("safetyhub_warning_alarm_changes_total", "change", event.change().name(),
                            "level", event.level().name()).increment();
                }
            }
            if (refused.isEmpty()) {
                done.complete(null);
                return;
            }
            // The application's own resend: the producer may have written a record whose ack was lost (a delivery
            // timeout), so this is where a change can reach the topic twice; the line names each one.
            LOG.warnf("Kafka did not acknowledge %d alarm event(s) (%s); sending them again in %d ms: %s",
                    refused.size(), failure, backoff, refused.stream()
                            .map(e -> e.change() + " " + e.alarmId()).collect(Collectors.joining(", ")));
            CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS)
                    .execute(() -> attempt(refused, Math.min(backoff * 2, 5_000), done));
        });
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
}
