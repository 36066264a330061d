package io.safetyhub.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.safetyhub.k8s.Workloads.Workload;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every ConfigMap and Secret a manifest names exists in the overlay, or is made by an operator from a resource of the
 * overlay (Strimzi: a KafkaUser's Secret and the cluster CA; cert-manager: a Certificate's Secret), or is one the
 * operator supplies (the README's list), or is referenced as optional. A pod whose Secret is missing never starts.
 * A Certificate's namespaced Issuer must be in the overlay too (a ClusterIssuer is the cluster's, README).
 */
final class ReferenceRules {
    private ReferenceRules() {
    }

    private record Reference(String kind, String name, String from, boolean optional) {
    }

    static List<String> references(Rendered rendered, Set<String> operatorSuppliedSecrets) {
        Set<String> configMaps = rendered.ofType(ConfigMap.class).stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> secrets = rendered.ofType(Secret.class).stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        secrets.addAll(operatorMadeSecrets(rendered));
        Set<String> issuers = rendered.ofKind("Issuer").stream().map(Rendered.Manifest::name).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Reference ref : collect(rendered)) {
            boolean exists = switch (ref.kind()) {
                case "ConfigMap" -> configMaps.contains(ref.name());
                case "Issuer" -> issuers.contains(ref.name());
                default -> secrets.contains(ref.name()) || operatorSuppliedSecrets.contains(ref.name());
            };
            if (!exists && !ref.optional()) {
                problems.add(ref.from() + " refers to " + ref.kind() + " " + ref.name() + (ref.kind().equals("Issuer")
                        ? ", which is not in the overlay"
                        : ", which is neither in the overlay, nor made by an operator from it, nor in the README's list of operator-supplied Secrets"));
            }
        }
        return problems;
    }

    /** Secrets the Strimzi and cert-manager operators create from resources of the overlay. */
    static Set<String> operatorMadeSecrets(Rendered rendered) {
        Set<String> made = new java.util.HashSet<>();
        rendered.ofType(KafkaUser.class).forEach(u -> made.add(u.getMetadata().getName()));
        rendered.ofType(Kafka.class).forEach(k -> made.add(k.getMetadata().getName() + "-cluster-ca-cert"));
        rendered.ofKind("Certificate").forEach(c -> {
            JsonNode secret = c.raw().at("/spec/secretName");
            if (secret.isTextual()) {
                made.add(secret.asText());
            }
        });
        return made;
    }

    private static List<Reference> collect(Rendered rendered) {
        List<Reference> refs = new ArrayList<>();
        for (Workload w : Workloads.of(rendered)) {
            for (Container c : WorkloadRules.containers(w)) {
                String from = w.id() + " container " + c.getName();
                for (EnvFromSource source : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (source.getConfigMapRef() != null) {
                        refs.add(new Reference("ConfigMap", source.getConfigMapRef().getName(), from, isTrue(source.getConfigMapRef().getOptional())));
                    }
                    if (source.getSecretRef() != null) {
                        refs.add(new Reference("Secret", source.getSecretRef().getName(), from, isTrue(source.getSecretRef().getOptional())));
                    }
                }
                for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var cm = env.getValueFrom().getConfigMapKeyRef();
                    if (cm != null) {
                        refs.add(new Reference("ConfigMap", cm.getName(), from + " env " + env.getName(), isTrue(cm.getOptional())));
                    }
                    var secret = env.getValueFrom().getSecretKeyRef();
                    if (secret != null) {
                        refs.add(new Reference("Secret", secret.getName(), from + " env " + env.getName(), isTrue(secret.getOptional())));
                    }
                }
            }
            for (Volume v : w.pod().getVolumes() == null ? List.<Volume>of() : w.pod().getVolumes()) {
                String from = w.id() + " volume " + v.getName();
                if (v.getConfigMap() != null) {
                    refs.add(new Reference("ConfigMap", v.getConfigMap().getName(), from, isTrue(v.getConfigMap().getOptional())));
                }
                if (v.getSecret() != null) {
                    refs.add(new Reference("Secret", v.getSecret().getSecretName(), from, isTrue(v.getSecret().getOptional())));
                }
                if (v.getProjected() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getConfigMap() != null) {
                            refs.add(new Reference("ConfigMap", p.getConfigMap().getName(), from, isTrue(p.getConfigMap().getOptional())));
                        }
                        if (p.getSecret() != null) {
                            refs.add(new Reference("Secret", p.getSecret().getName(), from, isTrue(p.getSecret().getOptional())));
                        }
                    }
                }
            }
        }
        for (Ingress ingress : rendered.ofType(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls() == null ? List.<IngressTLS>of() : ingress.getSpec().getTls()) {
                refs.add(new Reference("Secret", tls.getSecretName(), "Ingress/" + ingress.getMetadata().getName(), false));
            }
        }
        for (Rendered.Manifest keycloak : rendered.ofKind("Keycloak")) {
            JsonNode spec = keycloak.raw().path("spec");
            secretName(spec.at("/db/usernameSecret/name"), keycloak, refs);
            secretName(spec.at("/db/passwordSecret/name"), keycloak, refs);
            secretName(spec.at("/http/tlsSecret"), keycloak, refs);
            spec.path("additionalOptions").forEach(option -> secretName(option.at("/secret/name"), keycloak, refs));
        }
        for (Rendered.Manifest certificate : rendered.ofKind("Certificate")) {
            JsonNode issuer = certificate.raw().at("/spec/issuerRef");
            if ("Issuer".equals(issuer.path("kind").asText("Issuer"))) {
                refs.add(new Reference("Issuer", issuer.path("name").asText(), certificate.id(), false));
            }
        }
        for (Rendered.Manifest realm : rendered.ofKind("KeycloakRealmImport")) {
            realm.raw().at("/spec/placeholders").forEach(placeholder -> secretName(placeholder.at("/secret/name"), realm, refs));
        }
        return refs;
    }

    private static void secretName(JsonNode name, Rendered.Manifest from, List<Reference> refs) {
        if (name.isTextual()) {
            refs.add(new Reference("Secret", name.asText(), from.id(), false));
        }
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
