package io.safetyhub.adapter.installation;

import io.quarkus.scheduler.Scheduled;
import io.safetyhub.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether the installation view has caught up with {@code enterprise.major-hazards.v1}: the consumer group's
 * committed offsets have reached the end offsets the topic had when the adapter started. The view lives in Mongo and
 * the group resumes from its committed offset, so after the first start this is true within one check; only the
 * very first start on an empty database reads the whole compacted topic. Until then an unknown
 * {@code hazardSourceId} is not refused ({@link HazardSourceRule}). A missing topic means nothing to load.
 */
@ApplicationScoped
public class InstallationsLoad {
    private static final Logger LOG = Logger.getLogger(InstallationsLoad.class);
    private static final long TIMEOUT_MS = 5_000;

    private final String bootstrapServers;
    private final String groupId;
    private volatile Map<Integer, Long> endAtStart;
    private volatile boolean loaded;

    public InstallationsLoad(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "mp.messaging.incoming.major-hazards.group.id") String groupId) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    public boolean loaded() {
        return loaded;
    }

    @Scheduled(every = "${adapter.installations.load-check-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (loaded) {
            return;
        }
        Map<String, Object> admin = new HashMap<>();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        try (Admin client = Admin.create(admin)) {
            if (endAtStart == null) {
                endAtStart = endOffsets(client);
            }
            Map<Integer, Long> committed = client.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topics.MAJOR_HAZARDS) && e.getValue() != null)
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
            if (caughtUp(endAtStart, committed)) {
                loaded = true;
                LOG.infof("installation view caught up with %s: unknown hazardSourceIds are now refused",
                        Topics.MAJOR_HAZARDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("installation view not yet checked against %s (%s)", Topics.MAJOR_HAZARDS, e.getMessage());
        }
    }

    private static Map<Integer, Long> endOffsets(Admin client) throws Exception {
        List<Integer> partitions;
        try {
            partitions = client.describeTopics(List.of(Topics.MAJOR_HAZARDS)).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(Topics.MAJOR_HAZARDS).partitions().stream()
                    .map(p -> p.partition()).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(Topics.MAJOR_HAZARDS, p), OffsetSpec.latest()));
        return client.listOffsets(latest).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    /** True when every partition that had records at start has been consumed (and committed) up to its end. */
    static boolean caughtUp(Map<Integer, Long> end, Map<Integer, Long> committed) {
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }
}
