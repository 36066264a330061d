package io.safetyhub.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.safetyhub.k8s.Workloads.Env;
import io.safetyhub.k8s.Workloads.Workload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two doors from outside. HTTP: the gateway's Ingress publishes the console and the API and nothing under
 * {@code /q/}. MQTT: devices reach device-adapter on 1883 and 8883 only, through a load balancer that keeps their
 * source address, with the TLS certificate cert-manager issues.
 */
final class EdgeRules {
    static final Set<Integer> MQTT_PORTS = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(1883, 8883)));
    /** Paths of the gateway a browser or app must reach besides the console's files. */
    static final List<String> GATEWAY_PUBLIC = List.of("/", "/console-config.json", "/console/token", "/api/alarms");
    private static final String QUARKUS = "/q/metrics";

    private EdgeRules() {
    }

    /** Ingress paths to the gateway: none covers /q/, none leads to its management port, all the console needs is there. */
    static List<String> gatewayPaths(Rendered rendered, Collection<String> consoleRoot) {
        List<String> problems = new ArrayList<>();
        List<HTTPIngressPath> paths = new ArrayList<>();
        for (Ingress ingress : rendered.ofType(Ingress.class)) {
            for (IngressRule rule : Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule>of())) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    if (backend == null || !NetworkRules.GATEWAY.equals(backend.getName())) {
                        continue;
                    }
                    paths.add(path);
                    if (covers(path, QUARKUS)) {
                        problems.add("Ingress/" + ingress.getMetadata().getName() + " publishes the gateway's /q/ (path "
                                + path.getPath() + ", " + path.getPathType() + ")");
                    }
                    if (backend.getPort() != null && ("management".equals(backend.getPort().getName())
                            || Integer.valueOf(9000).equals(backend.getPort().getNumber()))) {
                        problems.add("Ingress/" + ingress.getMetadata().getName() + " leads to the gateway's management port");
                    }
                }
            }
        }
        List<String> needed = new ArrayList<>(GATEWAY_PUBLIC);
        consoleRoot.forEach(entry -> needed.add("/" + (entry.endsWith("/") ? entry + "any" : entry)));
        for (String path : needed) {
            if (paths.stream().noneMatch(p -> covers(p, path))) {
                problems.add("no Ingress publishes the gateway's " + path);
            }
        }
        return problems;
    }

    /** Whether an Ingress path sends a request for {@code requestPath} to its backend (Kubernetes' path matching). */
    static boolean covers(HTTPIngressPath path, String requestPath) {
        String p = path.getPath() == null ? "/" : path.getPath();
        if ("Exact".equals(path.getPathType())) {
            return requestPath.equals(p);
        }
        String prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
    }

    /** The workload serving MQTT to devices: device-adapter's pods that listen on 1883 and 8883. */
    static boolean isMqttEndpoint(Workload w) {
        return "device-adapter".equals(w.module()) && w.containerPorts().containsAll(MQTT_PORTS);
    }

    /** A rule admitting addresses from outside the cluster (not all of them) to MQTT ports and nothing else. */
    static boolean isDeviceRule(NetworkPolicyPeer peer, NetworkPolicyIngressRule rule) {
        List<NetworkPolicyPort> ports = Objects.requireNonNullElse(rule.getPorts(), List.of());
        return peer.getIpBlock() != null && !isEverywhere(peer.getIpBlock().getCidr()) && !ports.isEmpty()
                && ports.stream().allMatch(p -> p.getPort() != null && MQTT_PORTS.contains(p.getPort().getIntVal()));
    }

    private static boolean isEverywhere(String cidr) {
        return cidr == null || cidr.endsWith("/0");
    }

    /**
     * Outside traffic reaches device-adapter's MQTT ports only: every LoadBalancer or NodePort Service leads there and
     * nowhere else, keeps the source address (externalTrafficPolicy Local) and, as a load balancer, admits only listed
     * ranges; every ingress rule from addresses outside the cluster admits only those pods on those ports; the TLS
     * listener's certificate is a cert-manager Certificate's Secret, mounted into the pod.
     */
    static List<String> deviceDoor(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        List<Workload> workloads = Workloads.of(rendered).stream().filter(Workload::longRunning).toList();
        List<Workload> endpoints = workloads.stream().filter(EdgeRules::isMqttEndpoint).toList();
        boolean published = false;
        for (Service s : rendered.ofType(Service.class)) {
            String type = s.getSpec().getType();
            if (!"LoadBalancer".equals(type) && !"NodePort".equals(type)) {
                continue;
            }
            String where = "Service/" + s.getMetadata().getName();
            List<Workload> targets = workloads.stream().filter(w -> Workloads.selects(s.getSpec().getSelector(), w.podLabels())).toList();
            Set<Integer> ports = new TreeSet<>();
            s.getSpec().getPorts().forEach(p -> ports.add(p.getPort()));
            if (targets.isEmpty() || !targets.stream().allMatch(EdgeRules::isMqttEndpoint) || !MQTT_PORTS.containsAll(ports)) {
                problems.add(where + " is reachable from outside the cluster on " + ports + " and leads to "
                        + targets.stream().map(Workload::id).toList() + "; only device-adapter's MQTT ports may be");
                continue;
            }
            if (!"Local".equals(s.getSpec().getExternalTrafficPolicy())) {
                problems.add(where + " hides the devices' source addresses (externalTrafficPolicy is not Local)");
            }
            List<String> ranges = Objects.requireNonNullElse(s.getSpec().getLoadBalancerSourceRanges(), List.of());
            if ("LoadBalancer".equals(type) && (ranges.isEmpty() || ranges.stream().anyMatch(EdgeRules::isEverywhere))) {
                problems.add(where + " admits every source address (loadBalancerSourceRanges " + ranges + ")");
            }
            published |= ports.containsAll(MQTT_PORTS);
        }
        if (!published) {
            problems.add("no Service publishes device-adapter's MQTT ports " + MQTT_PORTS + " outside the cluster");
        }
        for (NetworkPolicy p : rendered.ofType(NetworkPolicy.class)) {
            for (NetworkPolicyIngressRule rule : Objects.requireNonNullElse(p.getSpec().getIngress(), List.<NetworkPolicyIngressRule>of())) {
                for (NetworkPolicyPeer peer : Objects.requireNonNullElse(rule.getFrom(), List.<NetworkPolicyPeer>of())) {
                    if (peer.getIpBlock() == null) {
                        continue;
                    }
                    List<Workload> selected = workloads.stream()
                            .filter(w -> Workloads.selects(p.getSpec().getPodSelector(), w.podLabels())).toList();
                    if (!isDeviceRule(peer, rule) || selected.isEmpty() || !selected.stream().allMatch(EdgeRules::isMqttEndpoint)) {
                        problems.add("NetworkPolicy/" + p.getMetadata().getName() + " lets " + peer.getIpBlock().getCidr()
                                + " into " + selected.stream().map(Workload::id).toList() + " on ports "
                                + Objects.requireNonNullElse(rule.getPorts(), List.<NetworkPolicyPort>of()).stream().map(NetworkPolicyPort::getPort).toList()
                                + "; from outside only devices, to device-adapter's MQTT ports");
                    }
                }
            }
        }
        Set<String> issued = new TreeSet<>();
        rendered.ofKind("Certificate").forEach(c -> {
            JsonNode secret = c.raw().at("/spec/secretName");
            if (secret.isTextual()) {
                issued.add(secret.asText());
            }
        });
        for (Workload w : endpoints) {
            Map<String, Env> env = w.env(rendered);
            // The plain listener binds loopback unless told otherwise: the load balancer would find nothing on 1883.
            Env plainHost = env.get("ADAPTER_MQTT_PLAIN_HOST");
            if (plainHost == null || !"0.0.0.0".equals(plainHost.value())) {
                problems.add(w.id() + " binds its plain MQTT listener to " + (plainHost == null ? "the adapter's default (loopback)"
                        : plainHost.value()) + ", not 0.0.0.0 (ADAPTER_MQTT_PLAIN_HOST)");
            }
            Env enabled = env.get("ADAPTER_MQTT_TLS_ENABLED");
            if (enabled == null || !"true".equals(enabled.value())) {
                problems.add(w.id() + " serves MQTT without its TLS listener (ADAPTER_MQTT_TLS_ENABLED)");
            }
            for (String file : List.of("ADAPTER_MQTT_TLS_CERTIFICATE", "ADAPTER_MQTT_TLS_KEY")) {
                String path = env.containsKey(file) ? env.get(file).value() : null;
                boolean fromCertManager = path != null && w.secretMounts().entrySet().stream()
                        .anyMatch(m -> path.startsWith(m.getKey() + "/") && issued.contains(m.getValue()));
                if (!fromCertManager) {
                    problems.add(w.id() + " " + file + "=" + path + " is not in a mounted Secret of a cert-manager Certificate");
                }
            }
        }
        return problems;
    }

    /** Service ports by name, for the rules that follow a ServiceMonitor to a container. */
    static ServicePort port(Service s, String name) {
        return s.getSpec().getPorts().stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
    }
}
