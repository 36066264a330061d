package io.safetyhub.emergency.duty;

import io.quarkus.runtime.StartupEvent;
import io.safetyhub.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code emergency.duty.v1} keeps the latest rota per key, so it must be compacted: created so at startup, or switched
 * to compaction if a consumer's subscription had the broker auto-create it with the delete policy (which would age
 * today's rota out).
 */
@ApplicationScoped
public class DutyTopic {
    private static final Logger LOG = Logger.getLogger(DutyTopic.class);
    private static final ConfigEntry COMPACT = new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    private final Map<String, Object> adminSettings;

    public DutyTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.adminSettings = kafka.entrySet().stream().filter(e -> AdminClientConfig.configNames().contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void onStart(@Observes StartupEvent ignored) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(adminSettings)) {
            // Listed first: where topics are declared (Strimzi in k8s) this service may describe but not create them.
            boolean exists = admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(Topics.EMERGENCY_DUTY);
            if (!exists && create(admin)) {
                return;
            }
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EMERGENCY_DUTY);
            String policy = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic).get(COMPACT.name()).value();
            if (!policy.contains(COMPACT.value())) {
                admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(COMPACT, AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
                LOG.warnf("topic %s had cleanup.policy=%s; switched to compact", Topics.EMERGENCY_DUTY, policy);
            }
        }
    }

    /** True when this call created the topic; false when another replica was quicker. */
    private static boolean create(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(Topics.EMERGENCY_DUTY, Optional.empty(), Optional.empty())
                    .configs(Map.of(COMPACT.name(), COMPACT.value())))).all().get(30, TimeUnit.SECONDS);
            LOG.infof("created compacted topic %s", Topics.EMERGENCY_DUTY);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }
}
