package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
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
