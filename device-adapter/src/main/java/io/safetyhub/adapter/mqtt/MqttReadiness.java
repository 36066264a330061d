package io.safetyhub.adapter.mqtt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the MQTT listeners are bound: without them no device can connect. */
@Readiness
@ApplicationScoped
public class MqttReadiness implements HealthCheck {
    private final MqttListeners adapter;

    public MqttReadiness(MqttListeners adapter) {
        this.adapter = adapter;
    }

    @Override
    public HealthCheckResponse call() {
        return adapter.health();
    }
}
