package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.safetyhub.k8s.Workloads.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Consistency between the infrastructure pieces an overlay changes together. */
final class InfraRules {
    private InfraRules() {
    }

    /** The replica-set init Job names exactly the members the MongoDB StatefulSet runs, in ordinal order. */
    static List<String> mongoMembers(Rendered rendered) {
        List<Workload> workloads = Workloads.of(rendered);
        Optional<Workload> mongo = workloads.stream().filter(w -> w.id().equals("StatefulSet/mongodb")).findFirst();
        Optional<Workload> init = workloads.stream().filter(w -> w.id().equals("Job/mongodb-rs-init")).findFirst();
        if (mongo.isEmpty() || init.isEmpty()) {
            return List.of("MongoDB needs StatefulSet/mongodb and Job/mongodb-rs-init");
        }
        String members = init.get().pod().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("MEMBERS")).map(EnvVar::getValue).findFirst().orElse("");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < mongo.get().replicas(); i++) {
            expected.add("mongodb-" + i + ".mongodb:27017");
        }
        return members.equals(String.join(",", expected)) ? List.of()
                : List.of("Job/mongodb-rs-init initiates " + members + " but StatefulSet/mongodb runs " + expected);
    }
}
