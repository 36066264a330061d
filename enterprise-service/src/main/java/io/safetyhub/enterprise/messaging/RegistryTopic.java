package io.safetyhub.enterprise.messaging;

import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.events.Topics;
import io.safetyhub.platform.rest.CompactedTopics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure the compacted topics this service owns ({@code enterprise.registry.v1} and
 * {@code enterprise.major-hazards.v1}) exist and are compacted before anything is published. A consumer that
 * subscribed first may have had the broker auto-create one with the delete policy, which would age entries out;
 * such a topic is switched to compaction.
 */
@ApplicationScoped
public class RegistryTopic {
    private final Map<String, Object> kafka;
    private final EnterpriseConfig.RegistryTopic settings;

    public RegistryTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka, EnterpriseConfig config) {
        this.kafka = kafka;
        this.settings = config.registryTopic();
    }

    /** The compacted topics published here: the registry and the major-hazard installations. */
    public static final List<String> COMPACTED = List.of(Topics.ENTERPRISE_REGISTRY, Topics.MAJOR_HAZARDS);

    /** Before the demo seed (default observer priority), which publishes. */
    void ensureAtStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent ignored)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (String topic : COMPACTED) {
            ensureCompacted(topic);
        }
    }

    public void ensureCompacted(String name) throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(adminConfig())) {
            CompactedTopics.ensure(admin, name, Optional.of(settings.partitions()),
                    Optional.of(settings.replicationFactor()), settings.timeout());
        }
    }

    /** Only the admin client's own keys: the shared Kafka map also holds producer settings. */
    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        for (Map.Entry<String, Object> entry : kafka.entrySet()) {
            if (AdminClientConfig.configNames().contains(entry.getKey())) {
                config.put(entry.getKey(), entry.getValue());
            }
        }
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis());
        return config;
    }
}
