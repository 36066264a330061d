package io.safetyhub.warning.messaging;

import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.platform.rest.RegistryRecords;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Keeps the enterprise directory (the local read model) current from the compacted {@code enterprise.registry.v1} topic. */
@ApplicationScoped
public class EnterpriseRegistryConsumer {
    private static final Logger LOG = Logger.getLogger(EnterpriseRegistryConsumer.class);

    private final EnterpriseDirectory directory;

    public EnterpriseRegistryConsumer(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    /** Called by {@link SideInputConsumer} for each record of the topic. */
    public void consume(ConsumerRecord<String, EnterpriseChanged> record) {
        switch (RegistryRecords.kind(record)) {
            case VALUE -> directory.apply(record.value());
            case TOMBSTONE -> directory.forget(record.key());
            // An unreadable value also arrives as null: taking it for a tombstone would delete a live enterprise.
            case UNREADABLE -> LOG.warnf("unreadable registry record for %s at %s-%d offset %d skipped; the enterprise"
                    + " keeps its last known entry", record.key(), record.topic(), record.partition(), record.offset());
        }
    }
}
