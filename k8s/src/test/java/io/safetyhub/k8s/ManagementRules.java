package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.safetyhub.k8s.Workloads.Env;
import io.safetyhub.k8s.Workloads.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Probes and scrapes go where each service serves health and metrics: its management interface when its
 * application.properties switches one on ({@code quarkus.management.enabled}, port {@code quarkus.management.port},
 * 9000 by default), else /q on its HTTP port. A probe on the wrong port restarts a healthy pod; a scrape on the wrong
 * port silently leaves the service unwatched.
 */
final class ManagementRules {
    private ManagementRules() {
    }

    static List<String> probesAndScrapes(Rendered rendered, Map<String, ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        for (Workload w : Workloads.of(rendered)) {
            ServiceModule module = w.module() == null ? null : modules.get(w.module());
            if (!w.isService() || !w.longRunning() || module == null) {
                continue;
            }
            Integer expected = module.managementPort() != null ? module.managementPort() : httpPort(w, rendered, module);
            String serves = module.managementPort() != null
                    ? module.name() + " serves them on its management port " + expected
                    : module.name() + " has no management interface and serves them on its HTTP port " + expected;
            Container c = w.pod().getContainers().get(0);
            probe(problems, w, "startup", c.getStartupProbe(), expected, serves);
            probe(problems, w, "liveness", c.getLivenessProbe(), expected, serves);
            probe(problems, w, "readiness", c.getReadinessProbe(), expected, serves);
            int scrapes = 0;
            for (Service s : rendered.ofType(Service.class)) {
                if (!Workloads.selects(s.getSpec().getSelector(), w.podLabels()) || s.getMetadata().getLabels() == null) {
                    continue;
                }
                for (ServiceMonitor m : rendered.ofType(ServiceMonitor.class)) {
                    if (!Workloads.selects(m.getSpec().getSelector(), s.getMetadata().getLabels())) {
                        continue;
                    }
                    for (var endpoint : m.getSpec().getEndpoints()) {
                        scrapes++;
                        ServicePort port = EdgeRules.port(s, endpoint.getPort());
                        Integer target = port == null ? null : w.containerPort(port.getTargetPort() != null
                                ? port.getTargetPort() : new io.fabric8.kubernetes.api.model.IntOrString(port.getPort()));
                        check(problems, "ServiceMonitor/" + m.getMetadata().getName() + " scrapes " + w.id()
                                + " through Service/" + s.getMetadata().getName() + " port " + endpoint.getPort(), target, expected, serves);
                    }
                }
            }
            for (PodMonitor m : rendered.ofType(PodMonitor.class)) {
                if (!Workloads.selects(m.getSpec().getSelector(), w.podLabels())) {
                    continue;
                }
                for (var endpoint : m.getSpec().getPodMetricsEndpoints()) {
                    scrapes++;
                    Integer target = w.containerPort(new io.fabric8.kubernetes.api.model.IntOrString(endpoint.getPort()));
                    check(problems, "PodMonitor/" + m.getMetadata().getName() + " scrapes " + w.id() + " port "
                            + endpoint.getPort(), target, expected, serves);
                }
            }
            if (scrapes == 0) {
                problems.add(w.id() + " is scraped by no ServiceMonitor or PodMonitor");
            }
        }
        return problems;
    }

    /** The HTTP port the pod listens on: QUARKUS_HTTP_PORT from its environment, else the module's own setting. */
    private static Integer httpPort(Workload w, Rendered rendered, ServiceModule module) {
        Env env = w.env(rendered).get("QUARKUS_HTTP_PORT");
        String port = env != null && env.value() != null ? env.value() : module.properties().getProperty("quarkus.http.port", "8080");
        return Integer.valueOf(port.trim());
    }

    private static void probe(List<String> problems, Workload w, String kind, Probe probe, Integer expected, String serves) {
        if (probe == null || probe.getHttpGet() == null) {
            return;
        }
        check(problems, w.id() + " " + kind + " probe " + probe.getHttpGet().getPath(),
                w.containerPort(probe.getHttpGet().getPort()), expected, serves);
        if (probe.getHttpGet().getPath() == null || !probe.getHttpGet().getPath().startsWith("/q/health")) {
            problems.add(w.id() + " " + kind + " probe asks " + probe.getHttpGet().getPath() + ", not /q/health/…");
        }
    }

    private static void check(List<String> problems, String what, Integer port, Integer expected, String serves) {
        if (port == null || !port.equals(expected)) {
            problems.add(what + " reaches port " + port + ", but " + serves);
        }
    }
}
