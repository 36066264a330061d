package io.safetyhub.enterprise.messaging;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseMapper;
import io.safetyhub.events.EnterpriseChanged;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;

/**
 * Announces registry entries on {@code enterprise.registry.v1}, keyed by enterprise id so that compaction
 * keeps the latest state of each. Waits for the broker's acknowledgement (acks=all, idempotent producer):
 * a write that was not announced must not look successful.
 */
@ApplicationScoped
public class RegistryPublisher {
    static final String CHANNEL = "enterprise-registry";

    private final MutinyEmitter<EnterpriseChanged> emitter;
    private final EnterpriseMapper mapper;
    private final String source;
    private final Duration timeout;

    public RegistryPublisher(@Channel(CHANNEL) MutinyEmitter<EnterpriseChanged> emitter, EnterpriseMapper mapper,
                             EnterpriseConfig config) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.source = config.source();
        this.timeout = config.registryTopic().timeout();
    }

    public void publish(Enterprise enterprise, EnterpriseChanged.Change change) {
        EnterpriseChanged event = mapper.toEvent(enterprise, change, source);
        Message<EnterpriseChanged> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(enterprise.id()).build());
        emitter.sendMessage(message).await().atMost(timeout);
    }
}
