package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.safetyhub.k8s.Workloads.Workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What every pod must have: probes, requests and limits, no root, a read-only root filesystem, the right image. */
final class WorkloadRules {
    private WorkloadRules() {
    }

    /** Long-running containers have liveness and readiness probes; every container (init, Job) has requests and limits. */
    static List<String> probesAndResources(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Workload w : Workloads.of(rendered)) {
            for (Container c : containers(w)) {
                String where = w.id() + " container " + c.getName();
                boolean init = w.pod().getInitContainers() != null && w.pod().getInitContainers().contains(c);
                if (w.longRunning() && !init) {
                    if (c.getLivenessProbe() == null) {
                        problems.add(where + " has no liveness probe");
                    }
                    if (c.getReadinessProbe() == null) {
                        problems.add(where + " has no readiness probe");
                    }
                }
                ResourceRequirements r = c.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (r == null || r.getRequests() == null || !r.getRequests().containsKey(resource)) {
                        problems.add(where + " has no " + resource + " request");
                    }
                    if (r == null || r.getLimits() == null || !r.getLimits().containsKey(resource)) {
                        problems.add(where + " has no " + resource + " limit");
                    }
                }
            }
        }
        return problems;
    }

    /** Every container runs as non-root, cannot gain privileges and has a read-only root filesystem. */
    static List<String> hardened(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Workload w : Workloads.of(rendered)) {
            PodSecurityContext pod = w.pod().getSecurityContext();
            boolean podNonRoot = pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
            for (Container c : containers(w)) {
                String where = w.id() + " container " + c.getName();
                SecurityContext sc = c.getSecurityContext();
                boolean nonRoot = podNonRoot || (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()));
                boolean rootUser = (sc != null && Long.valueOf(0).equals(sc.getRunAsUser()))
                        || (pod != null && Long.valueOf(0).equals(pod.getRunAsUser()));
                if (!nonRoot || rootUser) {
                    problems.add(where + " may run as root");
                }
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(where + " has a writable root filesystem");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(where + " allows privilege escalation");
                }
            }
        }
        return problems;
    }

    /**
     * The services run the images built from their own modules: a workload named after a service module runs
     * {@code [registry/]safetyhub/<module>}, built by the one k8s/images/Dockerfile (module as build argument), and
     * every service module has its workload. A workload named {@code <module>-<role>} runs that module too.
     */
    static List<String> images(Rendered rendered, Path repoRoot, Set<String> serviceModules) {
        List<String> problems = new ArrayList<>();
        Set<String> deployed = new java.util.HashSet<>();
        for (Workload w : Workloads.of(rendered)) {
            for (Container c : containers(w)) {
                String image = c.getImage() == null ? "" : c.getImage();
                String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
                int colon = repository.lastIndexOf(':');
                if (colon > repository.lastIndexOf('/')) {
                    repository = repository.substring(0, colon);
                }
                if (!repository.contains("safetyhub/")) {
                    continue;
                }
                String module = repository.substring(repository.lastIndexOf('/') + 1);
                if (!repository.endsWith("safetyhub/" + module) || !serviceModules.contains(module)) {
                    problems.add(w.id() + " runs " + image + ", which is no SafetyHub service module");
                    continue;
                }
                // A module may run as more than one workload, each named after it (device-adapter, device-adapter-opcua).
                if (!w.name().equals(module) && !w.name().startsWith(module + "-")) {
                    problems.add(w.id() + " runs the image of " + module);
                }
                if (!Files.isRegularFile(repoRoot.resolve(module).resolve("pom.xml"))) {
                    problems.add(module + " has no module directory for k8s/images/Dockerfile to build " + image);
                }
                deployed.add(module);
            }
        }
        serviceModules.stream().filter(m -> !deployed.contains(m)).forEach(m -> problems.add("service module " + m + " is not deployed"));
        return problems;
    }

    /**
     * Every Service selects pods of a workload and its target ports exist there; HPAs and PDBs point at real workloads,
     * and an autoscaled workload has a PDB.
     */
    static List<String> wiring(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        List<Workload> workloads = Workloads.of(rendered).stream().filter(Workload::longRunning).toList();
        for (Service s : rendered.ofType(Service.class)) {
            String where = "Service/" + s.getMetadata().getName();
            List<Workload> targets = workloads.stream()
                    .filter(w -> Workloads.selects(s.getSpec().getSelector(), w.podLabels())).toList();
            if (targets.isEmpty()) {
                problems.add(where + " selects no Deployment or StatefulSet (selector " + s.getSpec().getSelector() + ")");
                continue;
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                if (port.getTargetPort() != null && port.getTargetPort().getStrVal() != null) {
                    String named = port.getTargetPort().getStrVal();
                    boolean exists = targets.stream().flatMap(w -> containers(w).stream())
                            .flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream())
                            .anyMatch(p -> named.equals(p.getName()));
                    if (!exists) {
                        problems.add(where + " targets port " + named + ", which its pods do not name");
                    }
                }
            }
        }
        List<PodDisruptionBudget> pdbs = rendered.ofType(PodDisruptionBudget.class);
        for (HorizontalPodAutoscaler hpa : rendered.ofType(HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            var target = workloads.stream().filter(w -> w.kind().equals(ref.getKind()) && w.name().equals(ref.getName())).findFirst();
            if (target.isEmpty()) {
                problems.add("HorizontalPodAutoscaler/" + hpa.getMetadata().getName() + " scales missing " + ref.getKind() + "/" + ref.getName());
            } else if (pdbs.stream().noneMatch(pdb -> Workloads.selects(pdb.getSpec().getSelector(), target.get().podLabels()))) {
                // A drained node could otherwise take every replica the autoscaler keeps at once.
                problems.add(target.get().id() + " is autoscaled but has no PodDisruptionBudget");
            }
        }
        for (PodDisruptionBudget pdb : pdbs) {
            if (workloads.stream().noneMatch(w -> Workloads.selects(pdb.getSpec().getSelector(), w.podLabels()))) {
                problems.add("PodDisruptionBudget/" + pdb.getMetadata().getName() + " selects no pods");
            }
        }
        return problems;
    }

    static List<Container> containers(Workload w) {
        List<Container> all = new ArrayList<>();
        if (w.pod().getInitContainers() != null) {
            all.addAll(w.pod().getInitContainers());
        }
        all.addAll(w.pod().getContainers());
        return all;
    }
}
