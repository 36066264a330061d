package io.safetyhub.k8s;

import io.safetyhub.k8s.Workloads.Env;
import io.safetyhub.k8s.Workloads.Workload;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka is reached only over TLS with a SCRAM-SHA-512 login per service, and each login may do exactly what the
 * README's "Kafka access" table says: write its own topics, read what it consumes. The table is held against the
 * services' own mp.messaging channels, so a new consumer or producer in a service fails here until its ACL exists.
 */
final class KafkaAccessRules {
    /** The only operations a service needs: produce, consume, metadata, and reading its own topics' configuration. */
    private static final Set<AclOperation> ALLOWED = Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE,
            AclOperation.DESCRIBECONFIGS);
    static final String GATEWAY_READS = "alarms.events.v1";

    private KafkaAccessRules() {
    }

    /** Every listener is TLS with SCRAM-SHA-512, the cluster enforces ACLs, and every KafkaUser is such a login. */
    static List<String> security(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Kafka kafka : rendered.ofType(Kafka.class)) {
            String where = "Kafka/" + kafka.getMetadata().getName();
            for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                if (!listener.isTls()) {
                    problems.add(where + " listener " + listener.getName() + " is not TLS");
                }
                if (!(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512)) {
                    problems.add(where + " listener " + listener.getName() + " does not require SCRAM-SHA-512");
                }
            }
            if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
                problems.add(where + " has no ACL authorization (authorization: simple)");
            }
            if (kafka.getSpec().getEntityOperator() == null || kafka.getSpec().getEntityOperator().getUserOperator() == null) {
                problems.add(where + " has no User Operator to make the KafkaUsers' Secrets");
            }
        }
        for (KafkaUser user : rendered.ofType(KafkaUser.class)) {
            String where = "KafkaUser/" + user.getMetadata().getName();
            if (!(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)) {
                problems.add(where + " is not a SCRAM-SHA-512 login");
            }
            if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple)) {
                problems.add(where + " has no ACLs");
            }
        }
        return problems;
    }

    /**
     * Each workload of a service that uses Kafka connects to a TLS+SCRAM listener, trusts the cluster CA from its
     * Secret, and logs in as its own KafkaUser (the one named after its module) from the Secret Strimzi makes for it.
     */
    static List<String> clients(Rendered rendered, Map<String, ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        Set<Integer> securePorts = new TreeSet<>();
        Set<String> caSecrets = new TreeSet<>();
        for (Kafka kafka : rendered.ofType(Kafka.class)) {
            caSecrets.add(kafka.getMetadata().getName() + "-cluster-ca-cert");
            kafka.getSpec().getKafka().getListeners().stream()
                    .filter(l -> l.isTls() && l.getAuth() instanceof KafkaListenerAuthenticationScramSha512)
                    .forEach(l -> securePorts.add(l.getPort()));
        }
        Set<String> users = new TreeSet<>();
        rendered.ofType(KafkaUser.class).forEach(u -> users.add(u.getMetadata().getName()));
        for (Workload w : Workloads.of(rendered)) {
            ServiceModule module = w.module() == null ? null : modules.get(w.module());
            if (!w.isService() || module == null || !module.usesKafka()) {
                continue;
            }
            Map<String, Env> env = w.env(rendered);
            String bootstrap = value(env, "KAFKA_BOOTSTRAP_SERVERS");
            for (String server : bootstrap == null ? new String[0] : bootstrap.split(",")) {
                int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1).trim());
                if (!securePorts.contains(port)) {
                    problems.add(w.id() + " connects to Kafka on port " + port + ", which is no TLS + SCRAM-SHA-512 listener");
                }
            }
            if (bootstrap == null) {
                problems.add(w.id() + " has no KAFKA_BOOTSTRAP_SERVERS");
            }
            expect(problems, w, env, "KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
            expect(problems, w, env, "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            Env jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            if (jaas == null || !module.name().equals(jaas.secret()) || !"sasl.jaas.config".equals(jaas.secretKey())) {
                problems.add(w.id() + " does not log in to Kafka as its own KafkaUser " + module.name()
                        + " (KAFKA_SASL_JAAS_CONFIG from Secret " + module.name() + ", key sasl.jaas.config)");
            } else if (!users.contains(module.name())) {
                problems.add(w.id() + " logs in as KafkaUser " + module.name() + ", which the overlay does not declare");
            }
            String truststore = value(env, "KAFKA_SSL_TRUSTSTORE_LOCATION");
            boolean trusted = truststore != null && w.secretMounts().entrySet().stream()
                    .anyMatch(m -> truststore.startsWith(m.getKey() + "/") && caSecrets.contains(m.getValue()));
            if (!trusted) {
                problems.add(w.id() + " does not trust the Kafka cluster CA (KAFKA_SSL_TRUSTSTORE_LOCATION in a mount of "
                        + caSecrets + ")");
            }
        }
        return problems;
    }

    /**
     * The KafkaUsers' ACLs are exactly the README's table (writes, reads, consumer groups with {@code *} for a
     * prefix), the table covers every channel of the services' application.properties, each topic has one writer
     * and a KafkaTopic, and the gateway only reads alarm changes.
     *
     * @param table rows by KafkaUser: [writes, reads, consumer groups], each the code spans of its cell
     */
    static List<String> acls(Rendered rendered, Map<String, List<List<String>>> table, Map<String, ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        Map<String, KafkaUser> users = new HashMap<>();
        rendered.ofType(KafkaUser.class).forEach(u -> users.put(u.getMetadata().getName(), u));
        Set<String> declaredTopics = new TreeSet<>();
        rendered.ofType(KafkaTopic.class).forEach(t -> declaredTopics.add(
                t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName()));
        for (ServiceModule module : modules.values()) {
            if (!module.usesKafka()) {
                continue;
            }
            List<List<String>> row = table.get(module.name());
            if (row == null || row.size() < 3) {
                problems.add(module.name() + " uses Kafka but has no row in the README's Kafka access table");
                continue;
            }
            for (String topic : module.consumed()) {
                if (!row.get(1).contains(topic)) {
                    problems.add(module.name() + " consumes " + topic + " (application.properties) but the Kafka access table does not let it read it");
                }
            }
            for (String topic : module.produced()) {
                if (!row.get(0).contains(topic)) {
                    problems.add(module.name() + " produces " + topic + " (application.properties) but the Kafka access table does not let it write it");
                }
            }
            for (String group : module.consumerGroups()) {
                if (row.get(2).stream().noneMatch(g -> covers(g, group))) {
                    problems.add(module.name() + " consumes in group " + group + ", which the Kafka access table does not grant");
                }
            }
            if (!users.containsKey(module.name())) {
                problems.add(module.name() + " uses Kafka but there is no KafkaUser " + module.name());
            }
        }
        Map<String, List<String>> writers = new HashMap<>();
        for (KafkaUser user : users.values()) {
            String name = user.getMetadata().getName();
            String where = "KafkaUser/" + name;
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            List<AclRule> acls = user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple
                    ? Objects.requireNonNullElse(simple.getAcls(), List.of()) : List.of();
            for (AclRule acl : acls) {
                List<AclOperation> ops = acl.getOperations() != null ? acl.getOperations()
                        : acl.getOperation() == null ? List.of() : List.of(acl.getOperation());
                ops.stream().filter(op -> !ALLOWED.contains(op))
                        .forEach(op -> problems.add(where + " is granted " + op.toValue() + ", more than a service needs"));
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    if (topic.getPatternType() == AclResourcePatternType.PREFIX) {
                        problems.add(where + " is granted topics by the prefix " + topic.getName() + "; name each topic");
                    }
                    if (!declaredTopics.contains(topic.getName())) {
                        problems.add(where + " is granted " + topic.getName() + ", which has no KafkaTopic");
                    }
                    if (ops.contains(AclOperation.WRITE)) {
                        writes.add(topic.getName());
                        writers.computeIfAbsent(topic.getName(), t -> new ArrayList<>()).add(name);
                    }
                    if (ops.contains(AclOperation.READ)) {
                        reads.add(topic.getName());
                    }
                    if (ops.contains(AclOperation.DESCRIBECONFIGS) && !ops.contains(AclOperation.WRITE)) {
                        problems.add(where + " may read the configuration of " + topic.getName() + ", which it does not write");
                    }
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    groups.add(group.getName() + (group.getPatternType() == AclResourcePatternType.PREFIX ? "*" : ""));
                } else {
                    problems.add(where + " is granted a " + acl.getResource().getType() + " resource; services need topics and groups only");
                }
            }
            List<List<String>> row = table.get(name);
            if (row == null || row.size() < 3) {
                problems.add(where + " has no row in the README's Kafka access table");
            } else {
                same(problems, where + " may write", writes, row.get(0));
                same(problems, where + " may read", reads, row.get(1));
                same(problems, where + " may consume in the groups", groups, row.get(2));
            }
            if (name.equals(NetworkRules.GATEWAY) && (!writes.isEmpty() || !reads.equals(Set.of(GATEWAY_READS)))) {
                problems.add(where + " may write " + writes + " and read " + reads + "; the gateway only reads " + GATEWAY_READS);
            }
        }
        writers.forEach((topic, by) -> {
            if (by.size() > 1) {
                problems.add("topic " + topic + " may be written by " + by + "; each topic has one writer");
            }
        });
        return problems;
    }

    private static boolean covers(String granted, String group) {
        String literal = group.contains("${") ? group.substring(0, group.indexOf("${")) : group;
        return granted.endsWith("*") ? literal.startsWith(granted.substring(0, granted.length() - 1))
                : !group.contains("${") && granted.equals(group);
    }

    private static void same(List<String> problems, String what, Set<String> actual, List<String> documented) {
        if (!actual.equals(new TreeSet<>(documented))) {
            problems.add(what + " " + actual + " but the README's Kafka access table says " + new TreeSet<>(documented));
        }
    }

    private static String value(Map<String, Env> env, String name) {
        return env.containsKey(name) ? env.get(name).value() : null;
    }

    private static void expect(List<String> problems, Workload w, Map<String, Env> env, String name, String expected) {
        if (!expected.equals(value(env, name))) {
            problems.add(w.id() + " sets " + name + "=" + value(env, name) + ", expected " + expected);
        }
    }
}
