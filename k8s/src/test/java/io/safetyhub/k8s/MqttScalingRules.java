package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.safetyhub.k8s.Workloads.Env;
import io.safetyhub.k8s.Workloads.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 14, scale-out: the MQTT endpoint is a device-adapter workload of its own that an autoscaler sizes, with OPC UA
 * off; the OPC UA shards (a fixed count) serve no MQTT. Devices and plants then scale apart.
 */
final class MqttScalingRules {
    private MqttScalingRules() {
    }

    static List<String> mqttScalesApart(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        List<HorizontalPodAutoscaler> hpas = rendered.ofType(HorizontalPodAutoscaler.class);
        boolean endpoint = false;
        for (Workload w : Workloads.of(rendered)) {
            if (!"device-adapter".equals(w.module())) {
                continue;
            }
            Map<String, Env> env = w.env(rendered);
            boolean shard = env.containsKey("ADAPTER_OPC_UA_SHARD_INDEX");
            if (EdgeRules.isMqttEndpoint(w)) {
                endpoint = true;
                if (shard) {
                    problems.add(w.id() + " is both an OPC UA shard and the MQTT endpoint: it cannot scale with devices");
                }
                boolean scaled = hpas.stream().anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(w.name())
                        && h.getSpec().getScaleTargetRef().getKind().equals(w.kind()));
                if (!scaled) {
                    problems.add(w.id() + " serves MQTT but no HorizontalPodAutoscaler scales it");
                }
            } else if (shard) {
                Env mqtt = env.get("ADAPTER_MQTT_ENABLED");
                if (mqtt == null || !"false".equals(mqtt.value())) {
                    problems.add(w.id() + " is an OPC UA shard with MQTT on (adapter.mqtt.enabled defaults to true)");
                }
            }
        }
        if (!endpoint) {
            problems.add("no device-adapter workload serves MQTT on 1883 and 8883");
        }
        return problems;
    }
}
