package io.safetyhub.adapter.enterprise;

import io.safetyhub.events.EnterpriseChanged;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
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
        if (record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null) {
            // An unreadable value also arrives as null; it must not be taken for a tombstone.
            LOG.warnf("unreadable enterprise event for %s at offset %d skipped", record.key(), record.offset());
            return;
        }
        EnterpriseChanged event = record.value();
        if (event == null || event.change() == EnterpriseChanged.Change.DELETED) {
            String id = event == null ? record.key() : event.enterpriseId();
            if (id != null) {
                districts.remove(id);
            }
        } else if (event.enterpriseId() != null) {
            districts.put(event.enterpriseId(), event.district());
        }
    }
}
