package io.safetyhub.adapter.mqtt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the MQTT side receives: without it no device data comes in. */
@Readiness
@ApplicationScoped
public class MqttReadiness implements HealthCheck {
    private final MqttAdapter adapter;

    public MqttReadiness(MqttAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public HealthCheckResponse call() {
        return adapter.health();
    }
}
