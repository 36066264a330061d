package io.safetyhub.adapter.messaging;

import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.events.DeadLetter;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Reading;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the adapter's events to Kafka (key = device id) and completes only when Kafka has acknowledged the record
 * ({@code acks=all}): that completion is what releases the MQTT acknowledgement. A record Kafka refuses, once the
 * producer's own retries are exhausted, is re-sent with capped back-off for as long as the adapter runs; meanwhile
 * its MQTT message stays unacknowledged, so the broker's receive-maximum window throttles the devices' traffic.
 */
@ApplicationScoped
public class EventPublisher {
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    /**
     * Emitter buffer per channel. {@link InFlightLimit} keeps the records inside a pipeline at or below it, because
     * an emitter whose buffer overflows is failed for good; records beyond it wait for an earlier one to be acked.
     */
    private static final int BUFFER = 8_192;

    private final Lane<Reading> readings;
    private final Lane<DeadLetter> deadLetters;
    private final Lane<DeviceStatus> statuses;
    private final Duration retryMinDelay;
    private final Duration retryMaxDelay;
    private final AtomicBoolean failing = new AtomicBoolean();
    /** Records handed to us and not yet acknowledged by Kafka: the backlog readiness and the gauge report. */
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean closed;

    @Inject
    public EventPublisher(@Channel("readings") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
                          Emitter<Reading> readings,
                          @Channel("deadletters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
                          Emitter<DeadLetter> deadLetters,
                          @Channel("device-status") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
                          Emitter<DeviceStatus> statuses,
                          AdapterConfig config) {
        this.readings = new Lane<>("readings", readings, new InFlightLimit(BUFFER));
        this.deadLetters = new Lane<>("deadletters", deadLetters, new InFlightLimit(BUFFER));
        this.statuses = new Lane<>("device-status", statuses, new InFlightLimit(BUFFER));
        this.retryMinDelay = config.publish().retryMinDelay();
        this.retryMaxDelay = config.publish().retryMaxDelay();
    }

    public CompletableFuture<Void> publish(Reading reading) {
        return send(readings, reading.deviceId(), reading);
    }

    /** Keyed by device id when the topic named one, else by the topic, so one source's letters stay in order. */
    public CompletableFuture<Void> publish(DeadLetter deadLetter) {
        String key = deadLetter.deviceId() != null ? deadLetter.deviceId() : deadLetter.origin();
        return send(deadLetters, key, deadLetter);
    }

    public CompletableFuture<Void> publish(DeviceStatus status) {
        return send(statuses, status.deviceId(), status);
    }

    /** Records not yet acknowledged by Kafka (waiting, in flight, or being re-sent). */
    public long backlog() {
        return backlog.get();
    }

    /** True while Kafka refuses records (from the first refusal to the next acknowledgement). */
    public boolean kafkaFailing() {
        return failing.get();
    }

    /** Stops retrying: pending sends fail and their MQTT messages stay unacknowledged, to be redelivered on restart. */
    @PreDestroy
    void close() {
        closed = true;
    }

    private <T> CompletableFuture<Void> send(Lane<T> lane, String key, T event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        backlog.incrementAndGet();
        acked.whenComplete((ignored, failure) -> backlog.decrementAndGet());
        attempt(new Pending<>(lane, key, event, acked), 1);
        return acked;
    }

    private <T> void attempt(Pending<T> pending, int attempt) {
        Lane<T> lane = pending.lane();
        lane.limit().submit(() -> {
            Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(pending.key()).build());
            Message<T> message = Message.of(pending.event(), metadata,
                    () -> {
                        lane.limit().release();
                        if (failing.compareAndSet(true, false)) {
                            LOG.infof("Kafka accepts records again (channel %s)", lane.channel());
                        }
                        pending.acked().complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        lane.limit().release();
                        retry(pending, attempt, failure);
                        return CompletableFuture.completedFuture(null);
                    });
            try {
                lane.emitter().send(message);
            } catch (RuntimeException refused) {
                // The channel is not wired or was cancelled (shutdown): the same remedy as a refusal by Kafka.
                lane.limit().release();
                retry(pending, attempt, refused);
            }
        });
    }

    private <T> void retry(Pending<T> pending, int attempt, Throwable failure) {
        if (closed) {
            pending.acked().completeExceptionally(failure);
            return;
        }
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("Kafka refused a record on channel %s (%s); holding MQTT acknowledgements and retrying with "
                    + "back-off up to %s", pending.lane().channel(), failure.getMessage(), retryMaxDelay);
        }
        long delay = Math.min(retryMaxDelay.toMillis(), retryMinDelay.toMillis() << Math.min(attempt - 1, 20));
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> attempt(pending, attempt + 1));
    }

    private record Lane<T>(String channel, Emitter<T> emitter, InFlightLimit limit) {
    }

    private record Pending<T>(Lane<T> lane, String key, T event, CompletableFuture<Void> acked) {
    }
}
