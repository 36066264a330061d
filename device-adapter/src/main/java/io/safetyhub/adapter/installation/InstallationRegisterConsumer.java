package io.safetyhub.adapter.installation;

import io.safetyhub.events.MajorHazardChanged;
import io.safetyhub.platform.rest.RegistryRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@link Installations} in step with the compacted major-hazard register; replaying it changes nothing. A
 * DELETED change or a tombstone removes the installation; devices bound to it keep their binding and are flagged
 * (see {@link HazardSourceRule}).
 */
@ApplicationScoped
public class InstallationRegisterConsumer {
    private static final Logger LOG = Logger.getLogger(InstallationRegisterConsumer.class);

    private final Installations installations;

    public InstallationRegisterConsumer(Installations installations) {
        this.installations = installations;
    }

    @Incoming("major-hazards")
    @Blocking
    public void consume(ConsumerRecord<String, MajorHazardChanged> record) {
        switch (RegistryRecords.kind(record)) {
            // An unreadable value also arrives as null; taken for a tombstone it would unbind a live installation.
            case UNREADABLE -> LOG.warnf("unreadable major-hazard event for %s at offset %d skipped", record.key(),
                    record.offset());
            case TOMBSTONE -> {
                if (record.key() != null) {
                    installations.remove(record.key());
                }
            }
            case VALUE -> apply(record.value());
        }
    }

    private void apply(MajorHazardChanged event) {
        if (event.installationId() == null) {
            return;
        }
        if (event.change() == MajorHazardChanged.Change.DELETED) {
            installations.remove(event.installationId());
        } else {
            installations.put(new Installation(event.installationId(), event.enterpriseId(), event.name(),
                    event.grade()));
        }
    }
}
