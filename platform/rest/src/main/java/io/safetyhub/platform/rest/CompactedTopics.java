package io.safetyhub.platform.rest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A compacted topic a service owns (its latest state per key, e.g. the registry or the duty rota) made sure of at
 * startup: created compacted, or, where a consumer's subscription had the broker auto-create it with the delete
 * policy (which would age entries out), switched to compaction. Listed first: where topics are declared (Strimzi in
 * k8s) a service may describe but not create them. A topic the broker has only just created can be listed before its
 * configuration can be described ({@code UnknownTopicOrPartitionException}); that is asked again until the timeout.
 */
public final class CompactedTopics {
    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);
    private static final ConfigEntry COMPACT = new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);
    private static final long RETRY_MILLIS = 100;

    private CompactedTopics() {
    }

    /** {@code partitions} and {@code replicationFactor} empty: the broker's defaults. */
    public static void ensure(Admin admin, String name, Optional<Integer> partitions, Optional<Short> replicationFactor,
                              Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(name)) {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, replicationFactor)
                        .configs(Map.of(COMPACT.name(), COMPACT.value())))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.infof("created compacted topic %s", name);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // another instance created it in between: its policy is checked below
            }
        }
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        ConfigEntry policy = describe(admin, topic, deadline).get(COMPACT.name());
        if (policy == null || !policy.value().contains(COMPACT.value())) {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(COMPACT, AlterConfigOp.OpType.SET))))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.warnf("topic %s had cleanup.policy=%s; switched to compact", name, policy == null ? "?" : policy.value());
        }
    }

    private static Config describe(Admin admin, ConfigResource topic, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                return admin.describeConfigs(List.of(topic)).all().get(left, TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() + RETRY_MILLIS * 1_000_000 > deadline) {
                    throw e;
                }
                Thread.sleep(RETRY_MILLIS); // the broker is still propagating the topic it just created
            }
        }
    }
}
