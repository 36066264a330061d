package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The pods an overlay runs, whatever object runs them, and label-selector matching as the API server does it. */
final class Workloads {
    private Workloads() {
    }

    /** A Deployment, StatefulSet or Job with its pod template; {@code longRunning} is false for a Job. */
    record Workload(String kind, String name, Map<String, String> podLabels, PodSpec pod, boolean longRunning,
                    int replicas) {
        String id() {
            return kind + "/" + name;
        }

        /**
         * The SafetyHub module whose image the pod runs ({@code [registry/]safetyhub/<module>[:tag]}), else null. Two
         * workloads may run one module (device-adapter's MQTT endpoint and its OPC UA shards).
         */
        String module() {
            for (Container c : pod.getContainers()) {
                String image = c.getImage() == null ? "" : c.getImage();
                String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
                int colon = repository.lastIndexOf(':');
                if (colon > repository.lastIndexOf('/')) {
                    repository = repository.substring(0, colon);
                }
                if (repository.contains("safetyhub/")) {
                    return repository.substring(repository.lastIndexOf('/') + 1);
                }
            }
            return null;
        }

        boolean isService() {
            return "service".equals(podLabels.get("app.kubernetes.io/component"));
        }

        /** The first container's environment as the pod sees it: its ConfigMaps' keys, then its own entries. */
        Map<String, Env> env(Rendered rendered) {
            Map<String, Map<String, String>> configMaps = new java.util.HashMap<>();
            rendered.ofType(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(),
                    Objects.requireNonNullElse(c.getData(), Map.of())));
            Container c = pod.getContainers().get(0);
            Map<String, Env> env = new java.util.LinkedHashMap<>();
            for (EnvFromSource from : Objects.requireNonNullElse(c.getEnvFrom(), List.<EnvFromSource>of())) {
                if (from.getConfigMapRef() != null) {
                    configMaps.getOrDefault(from.getConfigMapRef().getName(), Map.of())
                            .forEach((k, v) -> env.put(k, new Env(k, v, null, null)));
                }
            }
            for (EnvVar e : Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of())) {
                var secret = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
                env.put(e.getName(), new Env(e.getName(), e.getValue(),
                        secret == null ? null : secret.getName(), secret == null ? null : secret.getKey()));
            }
            return env;
        }

        /** The Secret a volume of the pod is made of, by the directory the first container mounts it at. */
        Map<String, String> secretMounts() {
            Map<String, String> secretsByVolume = new java.util.HashMap<>();
            for (Volume v : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
                if (v.getSecret() != null) {
                    secretsByVolume.put(v.getName(), v.getSecret().getSecretName());
                }
            }
            Map<String, String> mounts = new java.util.HashMap<>();
            for (VolumeMount m : Objects.requireNonNullElse(pod.getContainers().get(0).getVolumeMounts(), List.<VolumeMount>of())) {
                if (secretsByVolume.containsKey(m.getName())) {
                    mounts.put(m.getMountPath(), secretsByVolume.get(m.getName()));
                }
            }
            return mounts;
        }

        /** The container port a probe or a Service names, by name or number; null if the pod has no such port. */
        Integer containerPort(io.fabric8.kubernetes.api.model.IntOrString port) {
            if (port == null) {
                return null;
            }
            if (port.getIntVal() != null) {
                return port.getIntVal();
            }
            for (Container c : pod.getContainers()) {
                for (ContainerPort p : Objects.requireNonNullElse(c.getPorts(), List.<ContainerPort>of())) {
                    if (port.getStrVal().equals(p.getName())) {
                        return p.getContainerPort();
                    }
                }
            }
            return null;
        }

        java.util.Set<Integer> containerPorts() {
            java.util.Set<Integer> ports = new java.util.TreeSet<>();
            for (Container c : pod.getContainers()) {
                Objects.requireNonNullElse(c.getPorts(), List.<ContainerPort>of()).forEach(p -> ports.add(p.getContainerPort()));
            }
            return ports;
        }
    }

    /** One environment variable: a literal value, or a Secret's key. */
    record Env(String name, String value, String secret, String secretKey) {
    }

    static List<Workload> of(Rendered rendered) {
        List<Workload> all = new ArrayList<>();
        for (Deployment d : rendered.ofType(Deployment.class)) {
            all.add(workload("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate(), true,
                    d.getSpec().getReplicas()));
        }
        for (StatefulSet s : rendered.ofType(StatefulSet.class)) {
            all.add(workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getTemplate(), true,
                    s.getSpec().getReplicas()));
        }
        for (Job j : rendered.ofType(Job.class)) {
            all.add(workload("Job", j.getMetadata().getName(), j.getSpec().getTemplate(), false, 1));
        }
        return all;
    }

    private static Workload workload(String kind, String name, PodTemplateSpec template, boolean longRunning, Integer replicas) {
        Map<String, String> labels = template.getMetadata() == null || template.getMetadata().getLabels() == null
                ? Map.of() : template.getMetadata().getLabels();
        return new Workload(kind, name, labels, template.getSpec(), longRunning, replicas == null ? 1 : replicas);
    }

    /** A Service's plain selector: every pair must be among the labels, and an empty selector selects nothing here. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** A LabelSelector: matchLabels and matchExpressions; an empty one selects everything, as in a NetworkPolicy. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (!meets(requirement, labels)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static boolean meets(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = Objects.requireNonNullElse(requirement.getValues(), List.of());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
