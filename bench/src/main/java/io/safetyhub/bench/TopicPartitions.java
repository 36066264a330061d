package io.safetyhub.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench partitions --topic T --count N}: gives a topic at least N partitions (creates it with N, or adds
 * partitions; never removes any). The scale-out run needs the readings topic split evenly between its warning-service
 * replicas, and the laptop stack's broker creates topics with 3. Kafka clients learn of new partitions only at their
 * next metadata refresh (up to 5 min), so {@code bench/run} restarts the producer and consumers after this.
 */
final class TopicPartitions {
    private TopicPartitions() {
    }

    static int run(Target target, Options o) throws Exception {
        String topic = o.get("topic", PipelineCounters.READINGS);
        int count = o.integer("count", 6);
        o.rejectUnknown();
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafka());
        try (Admin admin = Admin.create(p)) {
            int now = current(admin, topic);
            if (now < 0) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, count, (short) 1))).all().get(20, TimeUnit.SECONDS);
                    System.out.printf("bench: created %s with %d partitions%n", topic, count);
                    return 0;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    now = current(admin, topic);
                }
            }
            if (now >= count) {
                System.out.printf("bench: %s has %d partitions (asked at least %d): unchanged%n", topic, now, count);
                return 0;
            }
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(count))).all().get(20, TimeUnit.SECONDS);
            System.out.printf("bench: %s now has %d partitions (had %d)%n", topic, count, now);
            return 0;
        }
    }

    /** The topic's partition count, or -1 when it does not exist. */
    private static int current(Admin admin, String topic) throws Exception {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return -1;
            }
            throw e;
        }
    }
}
