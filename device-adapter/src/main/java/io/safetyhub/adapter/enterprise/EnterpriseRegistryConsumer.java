package io.safetyhub.adapter.enterprise;

import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.platform.rest.RegistryRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps {@link EnterpriseDistricts} in step with the compacted enterprise registry; replaying it changes nothing. */
@ApplicationScoped
public class EnterpriseRegistryConsumer {
    private static final Logger LOG = Logger.getLogger(EnterpriseRegistryConsumer.class);

    private final EnterpriseDistricts districts;

    public EnterpriseRegistryConsumer(EnterpriseDistricts districts) {
        this.districts = districts;
    }

    @Incoming("enterprise-registry")
    @Blocking
    public void consume(ConsumerRecord<String, EnterpriseChanged> record) {
        switch (RegistryRecords.kind(record)) {
            // An unreadable value also arrives as null; taken for a tombstone it would hide the enterprise's devices.
            case UNREADABLE -> LOG.warnf("unreadable enterprise event for %s at offset %d skipped", record.key(),
                    record.offset());
            case TOMBSTONE -> {
                if (record.key() != null) {
                    districts.remove(record.key());
                }
            }
            case VALUE -> apply(record.value());
        }
    }

    private void apply(EnterpriseChanged event) {
        if (event.enterpriseId() == null) {
            return;
        }
        if (event.change() == EnterpriseChanged.Change.DELETED) {
            districts.remove(event.enterpriseId());
        } else {
            districts.put(event.enterpriseId(), event.district(), event.town());
        }
    }
}
