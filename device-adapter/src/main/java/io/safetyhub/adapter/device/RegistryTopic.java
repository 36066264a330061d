package io.safetyhub.adapter.device;

import io.safetyhub.events.Topics;
import io.safetyhub.platform.rest.CompactedTopics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes sure {@code device.registry.v1} exists with the compact policy before the registry is published: a topic
 * auto-created by a consumer that came first would have the delete policy and age device entries out.
 */
@ApplicationScoped
public class RegistryTopic {
    private static final Logger LOG = Logger.getLogger(RegistryTopic.class);
    private static final long TIMEOUT_MS = 10_000;

    private final String bootstrapServers;

    public RegistryTopic(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Best effort: with Kafka away the adapter still starts, and the next start tries again. */
    public void ensureCompacted() {
        Map<String, Object> admin = new HashMap<>();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // The API timeout may not be below the request timeout, or the client refuses its configuration.
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        try (Admin client = Admin.create(admin)) {
            CompactedTopics.ensure(client, Topics.DEVICE_REGISTRY, Optional.empty(), Optional.empty(),
                    Duration.ofMillis(TIMEOUT_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not make %s compacted (%s)", Topics.DEVICE_REGISTRY, e.getMessage());
        }
    }
}
