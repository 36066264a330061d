package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Prometheus scrapes every service, and the alerts watch metrics that the services really register. */
final class MonitoringRules {
    /** The alerts issue 8 asks for; renaming one is fine, dropping one is not. */
    static final Set<String> REQUIRED_ALERTS = Set.of("SafetyhubServiceDown", "SafetyhubConsumerLag",
            "SafetyhubDeadLettersRising", "SafetyhubAlarmUnacknowledgedPastDeadline");
    private static final Pattern SAFETYHUB_METRIC = Pattern.compile("\\bsafetyhub_[a-z0-9_]+");

    private MonitoringRules() {
    }

    static List<String> serviceMonitors(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        List<ServiceMonitor> monitors = rendered.ofType(ServiceMonitor.class);
        for (Service s : rendered.ofType(Service.class)) {
            Map<String, String> labels = s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
            boolean headless = "None".equals(s.getSpec().getClusterIP());
            if (!"service".equals(labels.get("app.kubernetes.io/component")) || headless) {
                continue;
            }
            List<ServiceMonitor> covering = monitors.stream()
                    .filter(m -> Workloads.selects(m.getSpec().getSelector(), labels)).toList();
            if (covering.size() != 1) {
                problems.add("Service/" + s.getMetadata().getName() + " is scraped by " + covering.size() + " ServiceMonitors, expected 1");
                continue;
            }
            covering.get(0).getSpec().getEndpoints().forEach(endpoint -> {
                if (!"/q/metrics".equals(endpoint.getPath())) {
                    problems.add("ServiceMonitor/" + covering.get(0).getMetadata().getName() + " scrapes " + endpoint.getPath() + ", not /q/metrics");
                }
                if (s.getSpec().getPorts().stream().noneMatch(p -> p.getName().equals(endpoint.getPort()))) {
                    problems.add("ServiceMonitor/" + covering.get(0).getMetadata().getName() + " scrapes port " + endpoint.getPort()
                            + ", which Service/" + s.getMetadata().getName() + " does not have");
                }
            });
        }
        return problems;
    }

    /**
     * The required alerts exist, and each safetyhub_* metric an alert reads is registered in some service's code,
     * under its Prometheus name or the dotted Micrometer name it comes from ({@code safetyhub.adapter.deadletters}
     * is exported as {@code safetyhub_adapter_deadletters_total}).
     */
    static List<String> alerts(Rendered rendered, Path repoRoot, Collection<String> serviceModules) {
        List<String> problems = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        Set<String> metrics = new TreeSet<>();
        for (PrometheusRule rule : rendered.ofType(PrometheusRule.class)) {
            for (RuleGroup group : rule.getSpec().getGroups()) {
                for (Rule r : group.getRules()) {
                    if (r.getAlert() != null) {
                        alerts.add(r.getAlert());
                    }
                    Matcher m = SAFETYHUB_METRIC.matcher(r.getExpr().getStrVal() == null ? "" : r.getExpr().getStrVal());
                    while (m.find()) {
                        metrics.add(m.group());
                    }
                }
            }
        }
        REQUIRED_ALERTS.stream().filter(a -> !alerts.contains(a)).forEach(a -> problems.add("alert " + a + " is missing"));
        String code = sources(repoRoot, serviceModules);
        for (String metric : metrics) {
            String base = metric.replaceAll("_(total|seconds|records|bytes)$", "");
            boolean registered = code.contains("\"" + metric + "\"") || code.contains("\"" + base + "\"")
                    || code.contains("\"" + base.replace('_', '.') + "\"")
                    || code.contains("\"" + metric.replace('_', '.') + "\"");
            if (!registered) {
                problems.add("alert metric " + metric + " is registered by no service");
            }
        }
        return problems;
    }

    private static String sources(Path repoRoot, Collection<String> modules) {
        StringBuilder all = new StringBuilder();
        for (String module : modules) {
            Path main = repoRoot.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }
}
