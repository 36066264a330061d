package io.safetyhub.adapter.opcua;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The state of each OPC UA session, as readiness data. Always UP: a plant's server being away is the plant's outage,
 * reported per device (SESSION_LOST) and by the session gauge; restarting the adapter would not bring it back.
 */
@Readiness
@ApplicationScoped
public class OpcUaReadiness implements HealthCheck {
    private final OpcUaAdapter adapter;

    public OpcUaReadiness(OpcUaAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("opc-ua").up();
        adapter.sessionStates().forEach((url, state) -> builder.withData(url, state.name()));
        return builder.build();
    }
}
