package io.safetyhub.adapter.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/**
 * The MQTT endpoint's counters, every series registered up front so that dashboards show zero rather than nothing:
 * {@code safetyhub_adapter_mqtt_connects_total{outcome}} (accepted, or the {@link ConnectRefusal} tag) and
 * {@code safetyhub_adapter_mqtt_refused_total{packet}} (publish, subscribe: packets refused by {@link TopicPolicy}).
 * Tags are closed sets, never a device id.
 */
// Singleton, not application-scoped: called for every message, and a client proxy looked its instance up on each
// call (2.4 % of device-adapter's CPU at 10,000 readings/s, bench/results/README.md).
@Singleton
public class MqttMetrics {
    private final Counter accepted;
    private final Map<ConnectRefusal, Counter> refusedConnects = new EnumMap<>(ConnectRefusal.class);
    private final Counter refusedPublishes;
    private final Counter refusedSubscriptions;

    public MqttMetrics(MeterRegistry registry) {
        this.accepted = connects(registry, "accepted");
        for (ConnectRefusal refusal : ConnectRefusal.values()) {
            refusedConnects.put(refusal, connects(registry, refusal.tag()));
        }
        this.refusedPublishes = refused(registry, "publish");
        this.refusedSubscriptions = refused(registry, "subscribe");
    }

    void accepted() {
        accepted.increment();
    }

    void refused(ConnectRefusal refusal) {
        refusedConnects.get(refusal).increment();
    }

    void publishRefused() {
        refusedPublishes.increment();
    }

    void subscriptionRefused() {
        refusedSubscriptions.increment();
    }

    private static Counter connects(MeterRegistry registry, String outcome) {
        return Counter.builder("safetyhub.adapter.mqtt.connects")
                .description("MQTT CONNECTs by outcome: accepted, or why they were refused")
                .tag("outcome", outcome).register(registry);
    }

    private static Counter refused(MeterRegistry registry, String packet) {
        return Counter.builder("safetyhub.adapter.mqtt.refused")
                .description("PUBLISH and SUBSCRIBE packets refused: a topic outside the device's own")
                .tag("packet", packet).register(registry);
    }
}
