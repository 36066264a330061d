package io.safetyhub.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One rendered overlay, every document parsed into its typed model: fabric8's for Kubernetes and the Prometheus
 * operator, Strimzi's for Kafka. The Keycloak operator and cert-manager publish no model this build has, so their kinds
 * stay generic and are checked against the schemas under src/test/resources/crds instead ({@link CustomResourceSchemas}).
 */
final class Rendered {
    /** Kinds that have no typed model here; anything else without one is a problem (a typo in kind or apiVersion). */
    static final Set<String> SCHEMA_CHECKED_KINDS = Set.of("k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "cert-manager.io/v1/Certificate", "cert-manager.io/v1/Issuer");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Finding the registered models scans the class path: once per test JVM is enough. */
    private static final KubernetesSerialization SERIALIZATION = serialization();

    private final List<Manifest> manifests;
    private final List<String> parseProblems;

    private Rendered(List<Manifest> manifests, List<String> parseProblems) {
        this.manifests = List.copyOf(manifests);
        this.parseProblems = List.copyOf(parseProblems);
    }

    /** A parsed document: the YAML as written and its typed model. */
    record Manifest(JsonNode raw, HasMetadata typed) {
        String apiVersion() {
            return raw.path("apiVersion").asText();
        }

        String kind() {
            return raw.path("kind").asText();
        }

        String name() {
            return raw.path("metadata").path("name").asText();
        }

        String id() {
            return kind() + "/" + name();
        }
    }

    private static KubernetesSerialization serialization() {
        KubernetesSerialization serialization = new KubernetesSerialization(new ObjectMapper(), true);
        // Strimzi's models do not register themselves with fabric8's service loader.
        serialization.registerKubernetesResource("kafka.strimzi.io/v1beta2", "Kafka", Kafka.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1beta2", "KafkaNodePool", KafkaNodePool.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1beta2", "KafkaTopic", KafkaTopic.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1beta2", "KafkaUser", KafkaUser.class);
        return serialization;
    }

    static Rendered parse(String yaml) {
        KubernetesSerialization serialization = SERIALIZATION;
        List<Manifest> manifests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                Manifest manifest = typed(serialization, (ObjectNode) doc, problems);
                if (manifest != null) {
                    manifests.add(manifest);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("rendered output is not YAML", e);
        }
        return new Rendered(manifests, problems);
    }

    private static Manifest typed(KubernetesSerialization serialization, ObjectNode doc, List<String> problems) {
        String apiVersion = doc.path("apiVersion").asText();
        String kind = doc.path("kind").asText();
        String id = kind + "/" + doc.path("metadata").path("name").asText();
        Class<? extends KubernetesResource> type = serialization.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || type == GenericKubernetesResource.class) {
            if (!SCHEMA_CHECKED_KINDS.contains(apiVersion + "/" + kind)) {
                problems.add(id + ": " + apiVersion + " " + kind + " has no typed model");
            }
            return new Manifest(doc, serialization.convertValue(doc, GenericKubernetesResource.class));
        }
        try {
            HasMetadata model = (HasMetadata) serialization.convertValue(doc, type);
            UnknownFields.in(model).forEach(path -> problems.add(id + ": unknown field " + path));
            return new Manifest(doc, model);
        } catch (IllegalArgumentException e) {
            problems.add(id + ": does not parse as " + type.getSimpleName() + ": " + e.getMessage());
            return null;
        }
    }

    List<Manifest> all() {
        return manifests;
    }

    /** Documents that did not parse into their type, with fields their type does not have. */
    List<String> parseProblems() {
        return parseProblems;
    }

    <T> List<T> ofType(Class<T> type) {
        return manifests.stream().map(Manifest::typed).filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).collect(Collectors.toList());
    }
}
