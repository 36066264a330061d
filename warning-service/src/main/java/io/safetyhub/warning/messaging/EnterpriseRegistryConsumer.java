package io.safetyhub.warning.messaging;

import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.warning.enterprise.EnterpriseView;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local enterprise view current from the compacted {@code enterprise.registry.v1} topic. */
@ApplicationScoped
public class EnterpriseRegistryConsumer {
    private final EnterpriseView view;

    public EnterpriseRegistryConsumer(EnterpriseView view) {
        this.view = view;
    }

    @Incoming("enterprise-registry")
    @Blocking
    public void consume(Record<String, EnterpriseChanged> record) {
        if (record.value() == null) {
            view.forget(record.key()); // tombstone
        } else {
            view.apply(record.value());
        }
    }
}
