package io.safetyhub.enterprise.messaging;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.majorhazard.MajorHazard;
import io.safetyhub.events.MajorHazardChanged;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Announces major-hazard installations on the compacted {@code enterprise.major-hazards.v1}, keyed by installation id,
 * so that device-adapter can check a device's {@code hazardSourceId} against the installations that exist. A removal
 * is announced as {@code DELETED} and then a tombstone, so that compaction forgets the installation while a consumer
 * reading live still sees why it went. Like the registry, every publish waits for the broker's acknowledgement
 * (acks=all, idempotent producer): a write that was not announced must not look successful.
 */
@ApplicationScoped
public class MajorHazardPublisher {
    static final String CHANNEL = "enterprise-major-hazards";

    private final MutinyEmitter<Record<String, MajorHazardChanged>> emitter;
    private final Clock clock;
    private final String source;
    private final Duration timeout;

    public MajorHazardPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, MajorHazardChanged>> emitter,
                                Clock clock, EnterpriseConfig config) {
        this.emitter = emitter;
        this.clock = clock;
        this.source = config.source();
        this.timeout = config.registryTopic().timeout();
    }

    public void changed(MajorHazard m, MajorHazardChanged.Change change) {
        emitter.send(Record.of(m.id(), toEvent(m, change))).await().atMost(timeout);
    }

    /** {@code DELETED}, then the tombstone that lets compaction drop the key. */
    public void deleted(MajorHazard m) {
        changed(m, MajorHazardChanged.Change.DELETED);
        emitter.send(Record.<String, MajorHazardChanged>of(m.id(), null)).await().atMost(timeout);
    }

    MajorHazardChanged toEvent(MajorHazard m, MajorHazardChanged.Change change) {
        Integer grade = m.grade() == null ? null : m.grade().level();
        return new MajorHazardChanged(UUID.randomUUID(), clock.instant(), source, change, m.id(), m.enterpriseId(),
                m.name(), m.district(), grade);
    }
}
