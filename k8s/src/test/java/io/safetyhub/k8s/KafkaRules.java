package io.safetyhub.k8s;

import io.safetyhub.events.Topics;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every topic of the events module has its KafkaTopic, and the replication the overlay promises holds. */
final class KafkaRules {
    private KafkaRules() {
    }

    /**
     * @param topics      the topic names the services use (the constants of io.safetyhub.events.Topics)
     * @param replication the replication factor every topic and the cluster default must have (3 in prod)
     * @param minIsr      the min.insync.replicas they must have (2 in prod)
     */
    static List<String> topics(Rendered rendered, Collection<String> topics, int replication, int minIsr) {
        List<String> problems = new ArrayList<>();
        List<Kafka> clusters = rendered.ofType(Kafka.class);
        if (clusters.size() != 1) {
            return List.of("expected one Kafka cluster, found " + clusters.size());
        }
        Kafka kafka = clusters.get(0);
        String cluster = kafka.getMetadata().getName();
        int brokers = 0;
        for (KafkaNodePool pool : rendered.ofType(KafkaNodePool.class)) {
            if (!cluster.equals(label(pool.getMetadata().getLabels()))) {
                problems.add("KafkaNodePool/" + pool.getMetadata().getName() + " belongs to no cluster of this overlay");
            } else if (pool.getSpec().getRoles().contains(ProcessRoles.BROKER)) {
                brokers += pool.getSpec().getReplicas();
            }
        }
        if (brokers < replication) {
            problems.add("the cluster has " + brokers + " brokers, fewer than replication " + replication);
        }
        Map<String, Object> config = Objects.requireNonNullElse(kafka.getSpec().getKafka().getConfig(), Map.of());
        expect(problems, "Kafka/" + cluster + " default.replication.factor", config.get("default.replication.factor"), replication);
        expect(problems, "Kafka/" + cluster + " min.insync.replicas", config.get("min.insync.replicas"), minIsr);
        for (String topic : topics) {
            List<KafkaTopic> matching = rendered.ofType(KafkaTopic.class).stream().filter(t -> topic.equals(topicName(t))).toList();
            if (matching.isEmpty()) {
                problems.add("topic " + topic + " has no KafkaTopic");
                continue;
            }
            KafkaTopic t = matching.get(0);
            String where = "KafkaTopic/" + t.getMetadata().getName();
            if (!cluster.equals(label(t.getMetadata().getLabels()))) {
                problems.add(where + " is not labelled strimzi.io/cluster=" + cluster);
            }
            if (t.getSpec().getPartitions() == null || t.getSpec().getPartitions() < 1) {
                problems.add(where + " has no partition count");
            }
            expect(problems, where + " replicas", t.getSpec().getReplicas(), replication);
            Map<String, Object> topicConfig = Objects.requireNonNullElse(t.getSpec().getConfig(), Map.of());
            expect(problems, where + " min.insync.replicas", topicConfig.get("min.insync.replicas"), minIsr);
            boolean compacted = "compact".equals(String.valueOf(topicConfig.get("cleanup.policy")));
            // Registries are the latest state per key: deleting by age would forget an enterprise that did not change.
            if (Topics.COMPACTED.contains(topic) != compacted) {
                problems.add(where + (compacted ? " is compacted but Topics.COMPACTED does not name it"
                        : " holds the latest state per key (Topics.COMPACTED) but is not compacted"));
            }
            if (!compacted && topicConfig.get("retention.ms") == null) {
                problems.add(where + " has no retention.ms");
            }
        }
        return problems;
    }

    /**
     * warning-service scales with its consumer group, and a group cannot use more members than its topic has
     * partitions (each replica owns the alarms and timers of the partitions assigned to it): its autoscaler exists and
     * stops exactly at the partition count of the readings topic (beyond it a replica idles, below it the topic's
     * parallelism is left unused), and a PodDisruptionBudget lets a drain take at most one replica at a time, so that
     * only one replica's partitions move at once.
     */
    static List<String> consumerScaling(Rendered rendered, String deployment, String topic) {
        return consumerScaling(rendered, deployment, topic, true);
    }

    /**
     * As {@link #consumerScaling(Rendered, String, String)}; {@code exactly} false lets the autoscaler stop below the
     * partition count (the dev overlay caps every autoscaler at 2 on its small cluster), never above it.
     */
    static List<String> consumerScaling(Rendered rendered, String deployment, String topic, boolean exactly) {
        List<String> problems = new ArrayList<>();
        Integer partitions = rendered.ofType(KafkaTopic.class).stream().filter(t -> topic.equals(topicName(t)))
                .map(t -> t.getSpec().getPartitions()).findFirst().orElse(null);
        List<HorizontalPodAutoscaler> hpas = rendered.ofType(HorizontalPodAutoscaler.class).stream()
                .filter(h -> deployment.equals(h.getSpec().getScaleTargetRef().getName())).toList();
        if (hpas.isEmpty()) {
            problems.add(deployment + " has no HorizontalPodAutoscaler: it does not scale with its consumer group");
        }
        for (HorizontalPodAutoscaler hpa : hpas) {
            int max = hpa.getSpec().getMaxReplicas();
            if (partitions == null) {
                problems.add("HorizontalPodAutoscaler/" + deployment + " scales a consumer of " + topic + ", which has no KafkaTopic");
            } else if (max > partitions) {
                problems.add("HorizontalPodAutoscaler/" + deployment + " allows " + max
                        + " replicas but " + topic + " has " + partitions + " partitions");
            } else if (exactly && max < partitions) {
                problems.add("HorizontalPodAutoscaler/" + deployment + " stops at " + max + " replicas, not at the "
                        + partitions + " partitions of " + topic);
            }
        }
        problems.addAll(disruptionBudget(rendered, deployment));
        return problems;
    }

    private static List<String> disruptionBudget(Rendered rendered, String deployment) {
        Map<String, String> labels = Workloads.of(rendered).stream()
                .filter(w -> "Deployment".equals(w.kind()) && deployment.equals(w.name()))
                .map(Workloads.Workload::podLabels).findFirst().orElse(null);
        if (labels == null) {
            return List.of("Deployment/" + deployment + " is missing");
        }
        List<PodDisruptionBudget> pdbs = rendered.ofType(PodDisruptionBudget.class).stream()
                .filter(p -> Workloads.selects(p.getSpec().getSelector(), labels)).toList();
        if (pdbs.isEmpty()) {
            return List.of(deployment + " has no PodDisruptionBudget: a drain could move every replica's partitions at once");
        }
        List<String> problems = new ArrayList<>();
        for (PodDisruptionBudget pdb : pdbs) {
            var maxUnavailable = pdb.getSpec().getMaxUnavailable();
            if (maxUnavailable == null || !Integer.valueOf(1).equals(maxUnavailable.getIntVal())) {
                problems.add("PodDisruptionBudget/" + pdb.getMetadata().getName() + " lets " + (maxUnavailable == null
                        ? "an unbounded number" : maxUnavailable.getIntVal() != null ? maxUnavailable.getIntVal()
                        : maxUnavailable.getStrVal()) + " of " + deployment + "'s replicas go at once, not 1");
            }
        }
        return problems;
    }

    private static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }

    private static String label(Map<String, String> labels) {
        return labels == null ? null : labels.get("strimzi.io/cluster");
    }

    private static void expect(List<String> problems, String what, Object actual, int expected) {
        if (actual == null || !String.valueOf(expected).equals(String.valueOf(actual))) {
            problems.add(what + " is " + actual + ", expected " + expected);
        }
    }
}
