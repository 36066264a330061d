package io.safetyhub.adapter.opcua;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The state of each OPC UA session, as readiness data (see {@link OpcUaAdapter#health()}). */
@Readiness
@ApplicationScoped
public class OpcUaReadiness implements HealthCheck {
    private final OpcUaAdapter adapter;

    public OpcUaReadiness(OpcUaAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public HealthCheckResponse call() {
        return adapter.health();
    }
}
