package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.safetyhub.k8s.Workloads.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where warning-service may connect: DNS, Kafka, MongoDB and Keycloak inside the cluster, and outside only the
 * notification receivers an overlay lists by address, on the ports it names. A webhook that could reach anything
 * would let an alarm's content (and the signing secret's use) go wherever a misconfigured URL points.
 */
final class EgressRules {
    static final String WARNING = "warning-service";
    /** The in-cluster peers warning-service needs, by the pod label that identifies each. */
    static final Map<String, Map<String, String>> NEEDED = new LinkedHashMap<>();

    static {
        NEEDED.put("DNS", Map.of("k8s-app", "kube-dns"));
        NEEDED.put("Kafka", Map.of("strimzi.io/cluster", "safetyhub"));
        NEEDED.put("MongoDB", Map.of("app.kubernetes.io/name", "mongodb"));
        NEEDED.put("Keycloak", Map.of("app", "keycloak"));
    }

    private EgressRules() {
    }

    static List<String> warningService(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        Map<String, String> labels = Workloads.of(rendered).stream().filter(w -> w.name().equals(WARNING)).findFirst()
                .map(Workload::podLabels).orElse(Map.of("app.kubernetes.io/name", WARNING));
        List<NetworkPolicy> egress = rendered.ofType(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes() != null && p.getSpec().getPolicyTypes().contains("Egress"))
                .filter(p -> Workloads.selects(p.getSpec().getPodSelector(), labels)).toList();
        if (egress.isEmpty()) {
            return List.of(WARNING + " has no egress NetworkPolicy: it may connect anywhere");
        }
        Set<String> reached = new TreeSet<>();
        for (NetworkPolicy p : egress) {
            String where = "NetworkPolicy/" + p.getMetadata().getName();
            for (NetworkPolicyEgressRule rule : Objects.requireNonNullElse(p.getSpec().getEgress(), List.<NetworkPolicyEgressRule>of())) {
                if (rule.getTo() == null || rule.getTo().isEmpty()) {
                    problems.add(where + " lets " + WARNING + " connect anywhere");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    String needed = needed(peer);
                    if (needed != null) {
                        reached.add(needed);
                    } else if (peer.getIpBlock() != null) {
                        String cidr = peer.getIpBlock().getCidr();
                        if (cidr == null || cidr.endsWith("/0") || rule.getPorts() == null || rule.getPorts().isEmpty()) {
                            problems.add(where + " lets " + WARNING + " reach " + cidr + " on "
                                    + (rule.getPorts() == null || rule.getPorts().isEmpty() ? "every port" : rule.getPorts())
                                    + "; list the notification receivers' addresses and ports");
                        }
                    } else {
                        problems.add(where + " lets " + WARNING + " reach " + describe(peer)
                                + ", which is none of " + NEEDED.keySet() + " nor a notification receiver");
                    }
                }
            }
        }
        NEEDED.keySet().stream().filter(n -> !reached.contains(n))
                .forEach(n -> problems.add(WARNING + " cannot reach " + n + " (no egress rule)"));
        return problems;
    }

    /** The in-cluster peer a rule names, if it is one of {@link #NEEDED}: same namespace, or any for DNS. */
    private static String needed(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null || peer.getPodSelector() == null || Workloads.isEmpty(peer.getPodSelector())) {
            return null;
        }
        LabelSelector pods = peer.getPodSelector();
        boolean plainLabels = pods.getMatchExpressions() == null || pods.getMatchExpressions().isEmpty();
        for (Map.Entry<String, Map<String, String>> entry : NEEDED.entrySet()) {
            // DNS lives in kube-system; everything else must be this namespace's own pods.
            boolean namespaceOk = peer.getNamespaceSelector() == null || entry.getKey().equals("DNS");
            if (namespaceOk && plainLabels && entry.getValue().equals(pods.getMatchLabels())) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static String describe(NetworkPolicyPeer peer) {
        return "pods " + (peer.getPodSelector() == null ? "{}" : peer.getPodSelector().getMatchLabels())
                + (peer.getNamespaceSelector() == null ? "" : " in namespaces " + peer.getNamespaceSelector().getMatchLabels());
    }
}
