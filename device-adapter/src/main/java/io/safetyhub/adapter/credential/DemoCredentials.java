package io.safetyhub.adapter.credential;

import io.quarkus.runtime.StartupEvent;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceRegistry;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.adapter.device.RegistryStartup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The laptop stack's demo devices log in with {@code adapter.credentials.demo-password}: with {@code adapter.seed-demo}
 * on and that password set, each demo MQTT device without a password gets it at start (after the registry is seeded,
 * before the listeners open). A password an operator issued since is left alone.
 */
@ApplicationScoped
public class DemoCredentials {
    private static final Logger LOG = Logger.getLogger(DemoCredentials.class);

    private final AdapterConfig config;
    private final DeviceRegistry registry;
    private final CredentialService credentials;

    public DemoCredentials(AdapterConfig config, DeviceRegistry registry, CredentialService credentials) {
        this.config = config;
        this.registry = registry;
        this.credentials = credentials;
    }

    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 1) StartupEvent ignored) {
        if (!config.seedDemo() || config.credentials().demoPassword().isEmpty()) {
            return;
        }
        int seeded = 0;
        for (Device demo : RegistryStartup.demoDevices(Instant.EPOCH, config.opcUa().demoEndpoint())) {
            Device device = registry.byId(demo.id()).orElse(null);
            if (device != null && device.protocol() == Protocol.MQTT
                    && credentials.seedPassword(device, config.credentials().demoPassword().get())) {
                seeded++;
            }
        }
        LOG.infof("demo device passwords seeded: %d (adapter.credentials.demo-password)", seeded);
    }
}
