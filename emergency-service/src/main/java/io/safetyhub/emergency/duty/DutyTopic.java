package io.safetyhub.emergency.duty;

import io.quarkus.runtime.StartupEvent;
import io.safetyhub.events.Topics;
import io.safetyhub.platform.rest.CompactedTopics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code emergency.duty.v1} keeps the latest rota per key, so it must be compacted: created so at startup, or switched
 * to compaction if a consumer's subscription had the broker auto-create it with the delete policy (which would age
 * today's rota out); {@link CompactedTopics} does it.
 */
@ApplicationScoped
public class DutyTopic {
    private final Map<String, Object> adminSettings;

    public DutyTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.adminSettings = kafka.entrySet().stream().filter(e -> AdminClientConfig.configNames().contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void onStart(@Observes StartupEvent ignored) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(adminSettings)) {
            CompactedTopics.ensure(admin, Topics.EMERGENCY_DUTY, Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
        }
    }
}
