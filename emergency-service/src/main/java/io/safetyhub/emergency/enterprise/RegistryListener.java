package io.safetyhub.emergency.enterprise;

import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.platform.rest.RegistryRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code enterprise.registry.v1} (compacted, read from the start by group {@code emergency-service}) into
 * {@link EnterpriseDirectory}. Replays are harmless: a copy is replaced only by a newer event.
 */
@ApplicationScoped
public class RegistryListener {
    private static final Logger LOG = Logger.getLogger(RegistryListener.class);
    private final EnterpriseDirectory directory;

    public RegistryListener(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    @Incoming("enterprise-registry")
    @Blocking
    public void onRecord(ConsumerRecord<String, EnterpriseChanged> record) {
        RegistryRecords.Kind kind = RegistryRecords.kind(record);
        if (kind == RegistryRecords.Kind.UNREADABLE) {
            // its value arrives as null as well: treated as a tombstone it would remove a live enterprise
            LOG.warnf("registry record %s at offset %d is unreadable; skipped", record.key(), record.offset());
        } else if (kind == RegistryRecords.Kind.TOMBSTONE) {
            drop(record.key());
        } else {
            take(record.value());
        }
    }

    private void take(EnterpriseChanged e) {
        if (e.enterpriseId() == null) {
            LOG.warnf("registry event %s names no enterprise; skipped", e.eventId());
        } else if (e.change() == EnterpriseChanged.Change.DELETED) {
            drop(e.enterpriseId());
        } else {
            boolean newer = directory.byId(e.enterpriseId())
                    .map(known -> known.asOf() == null || e.occurredAt() == null || e.occurredAt().isAfter(known.asOf()))
                    .orElse(true);
            if (newer) {
                directory.put(new KnownEnterprise(e.enterpriseId(), e.name(), e.district(), e.town(), e.sectors(),
                        e.riskColour(), e.status(), e.longitude(), e.latitude(), e.occurredAt()));
            }
        }
    }

    private void drop(String id) {
        if (id != null) {
            directory.remove(id);
            LOG.infof("enterprise %s left the registry; removed from the local view", id);
        }
    }
}
