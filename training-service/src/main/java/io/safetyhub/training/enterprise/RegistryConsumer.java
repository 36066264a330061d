package io.safetyhub.training.enterprise;

import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.platform.rest.RegistryRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the local enterprise view in step with {@code enterprise.registry.v1}. Idempotent: an event is
 * applied only when it is newer than the stored copy, so a redelivery after a crash (the offset is
 * committed after processing) or a replay of the compacted topic changes nothing.
 */
@ApplicationScoped
public class RegistryConsumer {
    private static final Logger LOG = Logger.getLogger(RegistryConsumer.class);

    private final RegisteredEnterpriseRepository repository;
    private final RegisteredEnterpriseMapper mapper;

    public RegistryConsumer(RegisteredEnterpriseRepository repository, RegisteredEnterpriseMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Incoming("enterprise-registry")
    @Blocking
    public void consume(ConsumerRecord<String, EnterpriseChanged> record) {
        switch (RegistryRecords.kind(record)) {
            // An unreadable value also arrives as null; taken for a tombstone it would delete a live enterprise.
            case UNREADABLE -> LOG.warnf("unreadable registry event for %s at offset %d skipped", record.key(), record.offset());
            case TOMBSTONE -> forget(record.key());
            case VALUE -> apply(record.value(), record.offset());
        }
    }

    private void apply(EnterpriseChanged event, long offset) {
        if (event.change() == EnterpriseChanged.Change.DELETED) {
            forget(event.enterpriseId()); // the DELETED event before the tombstone removes the copy too
            return;
        }
        if (event.enterpriseId() == null) {
            LOG.warnf("registry event %s at offset %d has no enterpriseId; skipped", event.eventId(), offset);
            return;
        }
        RegisteredEnterprise incoming = mapper.fromEvent(event);
        RegisteredEnterprise stored = repository.findById(incoming.id()).orElse(null);
        if (stored != null && stored.asOf() != null && incoming.asOf() != null && !incoming.asOf().isAfter(stored.asOf())) {
            return; // already have this state or a newer one
        }
        repository.save(incoming);
        LOG.debugf("enterprise %s %s applied to the local view", incoming.id(), event.change());
    }

    /** The key of a tombstone (or the id of a DELETED event) names the enterprise to remove. */
    private void forget(String id) {
        if (id != null) {
            repository.delete(id);
            LOG.infof("enterprise %s removed from the local view", id);
        }
    }
}
