package io.safetyhub.adapter.protocol;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import java.util.List;

/**
 * Starts every {@link ProtocolAdapter} once the application is up (after the registry is loaded: RegistryStartup
 * observes with an earlier priority) and stops them first on shutdown, before the Kafka sender closes.
 */
@ApplicationScoped
public class ProtocolLifecycle {
    private final List<ProtocolAdapter> adapters;

    public ProtocolLifecycle(Instance<ProtocolAdapter> adapters) {
        this.adapters = adapters.stream().toList();
    }

    void onStart(@Observes StartupEvent ignored) {
        adapters.forEach(ProtocolAdapter::start);
    }

    void onStop(@Observes ShutdownEvent ignored) {
        adapters.forEach(ProtocolAdapter::stop);
    }
}
