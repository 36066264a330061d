package io.safetyhub.enforcement.roster;

import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.platform.rest.RegistryRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the inspection-object roster in step with {@code enterprise.registry.v1}. A record whose value could not be
 * read is logged and skipped, never taken for a tombstone (that would drop a live enterprise from the roster and so
 * from every future draw). Applying an event is idempotent: one not newer than the stored copy changes nothing, so
 * a redelivery or a replay of the compacted topic is harmless.
 */
@ApplicationScoped
public class RegistryListener {
    private static final Logger LOG = Logger.getLogger(RegistryListener.class);

    private final RosterRepository roster;

    public RegistryListener(RosterRepository roster) {
        this.roster = roster;
    }

    @Incoming("enterprise-registry")
    @Blocking
    public void onRecord(ConsumerRecord<String, EnterpriseChanged> record) {
        switch (RegistryRecords.kind(record)) {
            case UNREADABLE -> LOG.warnf("unreadable registry record for %s at offset %d left out of the roster",
                    record.key(), record.offset());
            case TOMBSTONE -> remove(record.key());
            case VALUE -> apply(record.value(), record.offset());
        }
    }

    void apply(EnterpriseChanged event, long offset) {
        if (event.change() == EnterpriseChanged.Change.DELETED) {
            remove(event.enterpriseId() != null ? event.enterpriseId() : null);
            return;
        }
        if (event.enterpriseId() == null || event.district() == null) {
            LOG.warnf("registry event %s at offset %d lacks enterpriseId or district; not on the roster", event.eventId(), offset);
            return;
        }
        RosterEnterprise incoming = new RosterEnterprise(event.enterpriseId(), event.name(), event.district(),
                event.town(), event.sectors(), event.riskColour(), event.status(), event.occurredAt());
        boolean stale = roster.byId(incoming.id())
                .map(stored -> stored.asOf() != null && incoming.asOf() != null && !incoming.asOf().isAfter(stored.asOf()))
                .orElse(false);
        if (!stale) {
            roster.put(incoming);
        }
    }

    private void remove(String enterpriseId) {
        if (enterpriseId != null) {
            roster.remove(enterpriseId);
            LOG.infof("enterprise %s left the inspection-object roster", enterpriseId);
        }
    }
}
