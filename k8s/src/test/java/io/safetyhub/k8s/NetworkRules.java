package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.safetyhub.k8s.Workloads.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Only the gateway is reachable from outside (and devices, on the MQTT ports of device-adapter: {@link EdgeRules}),
 * only the gateway (and Prometheus) reaches the services, and every pod sits behind a policy of its own on top of a
 * default deny.
 */
final class NetworkRules {
    static final String GATEWAY = "gateway";
    static final String MONITORING_NAMESPACE = "monitoring";
    private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

    private NetworkRules() {
    }

    static List<String> policies(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        List<NetworkPolicy> policies = rendered.ofType(NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(p -> Workloads.isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        if (!defaultDeny) {
            problems.add("no default-deny ingress NetworkPolicy (empty podSelector, no ingress rules)");
        }
        List<Workload> workloads = Workloads.of(rendered);
        for (Workload w : workloads) {
            if (!w.longRunning()) {
                continue;
            }
            List<NetworkPolicy> own = policies.stream()
                    .filter(p -> !Workloads.isEmpty(p.getSpec().getPodSelector()))
                    .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                    .filter(p -> Workloads.selects(p.getSpec().getPodSelector(), w.podLabels())).toList();
            if (own.isEmpty()) {
                problems.add(w.id() + " has no ingress NetworkPolicy of its own");
            }
            boolean isService = "service".equals(w.podLabels().get("app.kubernetes.io/component"));
            if (!isService || w.name().equals(GATEWAY)) {
                continue;
            }
            for (NetworkPolicy p : own) {
                for (NetworkPolicyIngressRule rule : Objects.requireNonNullElse(p.getSpec().getIngress(), List.<NetworkPolicyIngressRule>of())) {
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        problems.add(w.id() + ": NetworkPolicy/" + p.getMetadata().getName() + " lets anyone in");
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        boolean devices = EdgeRules.isDeviceRule(peer, rule) && EdgeRules.isMqttEndpoint(w);
                        if (!isGateway(peer, workloads) && !isMonitoring(peer) && !devices) {
                            problems.add(w.id() + ": NetworkPolicy/" + p.getMetadata().getName()
                                    + " lets in something other than the gateway: " + peer);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The operator-made Service of Keycloak, and the only prefixes of it a browser or an app needs. */
    static final String KEYCLOAK = "safetyhub-keycloak-service";
    static final java.util.Set<String> KEYCLOAK_PUBLIC_PATHS = java.util.Set.of("/realms/", "/resources/");

    /**
     * Ingress objects (the HTTP door from outside) lead to the gateway, over TLS; Keycloak's login pages and token
     * endpoint are published at /realms/ and /resources/ only, never /admin/ or the root.
     */
    static List<String> ingresses(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Ingress ingress : rendered.ofType(Ingress.class)) {
            String where = "Ingress/" + ingress.getMetadata().getName();
            if (ingress.getSpec().getTls() == null || ingress.getSpec().getTls().isEmpty()) {
                problems.add(where + " has no TLS");
            }
            for (IngressRule rule : Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule>of())) {
                rule.getHttp().getPaths().forEach(path -> {
                    String backend = path.getBackend().getService() == null ? null : path.getBackend().getService().getName();
                    if (KEYCLOAK.equals(backend)) {
                        if (!KEYCLOAK_PUBLIC_PATHS.contains(path.getPath())) {
                            problems.add(where + " exposes Keycloak at " + path.getPath()
                                    + "; only /realms/ and /resources/ may be public");
                        }
                    } else if (!GATEWAY.equals(backend)) {
                        problems.add(where + " exposes " + backend + " at " + path.getPath() + "; only the gateway may be exposed");
                    }
                });
            }
        }
        return problems;
    }

    /** A peer that selects gateway pods and nothing else in the namespace. */
    private static boolean isGateway(NetworkPolicyPeer peer, List<Workload> workloads) {
        if (peer.getNamespaceSelector() != null || peer.getIpBlock() != null || peer.getPodSelector() == null) {
            return false;
        }
        List<Workload> selected = workloads.stream().filter(w -> Workloads.selects(peer.getPodSelector(), w.podLabels())).toList();
        return !selected.isEmpty() && selected.stream().allMatch(w -> w.name().equals(GATEWAY));
    }

    private static boolean isMonitoring(NetworkPolicyPeer peer) {
        return peer.getPodSelector() == null && peer.getIpBlock() == null && peer.getNamespaceSelector() != null
                && peer.getNamespaceSelector().getMatchLabels() != null
                && MONITORING_NAMESPACE.equals(peer.getNamespaceSelector().getMatchLabels().get(NAMESPACE_LABEL))
                && peer.getNamespaceSelector().getMatchLabels().size() == 1;
    }
}
