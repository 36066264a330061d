package io.safetyhub.emergency.duty;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.events.DutyRotaChanged;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends the rota to {@code emergency.duty.v1} (compacted, key {@code date/district/town}). The entry is stored first
 * and marked published on Kafka's acknowledgement; what was not acknowledged (broker away, timeout) is sent again by
 * {@link #resend()}. Sending the same state twice is harmless on a compacted topic: the key keeps the last one.
 * A removed rota is sent as DELETED and then as a tombstone, and only then forgotten.
 */
@ApplicationScoped
public class DutyPublisher {
    private static final Logger LOG = Logger.getLogger(DutyPublisher.class);

    private final Emitter<Record<String, DutyRotaChanged>> emitter;
    private final DutyRepository repository;
    private final Today today;
    private final String source;
    private final Duration timeout;

    public DutyPublisher(@Channel("emergency-duty") Emitter<Record<String, DutyRotaChanged>> emitter, DutyRepository repository,
                         Today today, EmergencyConfig config) {
        this.emitter = emitter;
        this.repository = repository;
        this.today = today;
        this.source = config.source();
        this.timeout = config.duty().publishTimeout();
    }

    /** Sends and waits for the acknowledgement; false (and left to the resend job) when it does not come in time. */
    public boolean publish(DutyRota rota) {
        try {
            emitter.send(Record.of(rota.id(), event(rota))).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (rota.removed()) {
                emitter.send(Record.<String, DutyRotaChanged>of(rota.id(), null)).toCompletableFuture()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            repository.markPublished(rota);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("duty rota %s not acknowledged by Kafka (%s); it will be sent again", rota.id(), e.getMessage());
            return false;
        }
    }

    @Scheduled(every = "${emergency.duty.resend-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resend() {
        repository.unpublished().forEach(this::publish);
    }

    private DutyRotaChanged event(DutyRota rota) {
        return new DutyRotaChanged(UUID.randomUUID(), today.now(), source,
                rota.removed() ? DutyRotaChanged.Change.DELETED : DutyRotaChanged.Change.SET, rota.date(), rota.district(),
                rota.town(), person(rota.leader()), rota.officers().stream().map(DutyPublisher::person).toList());
    }

    private static DutyRotaChanged.Person person(DutyRota.Officer o) {
        return o == null ? null : new DutyRotaChanged.Person(o.name(), o.phone(), o.post());
    }
}
