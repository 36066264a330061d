package io.safetyhub.adapter.protocol;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * One way device data reaches the platform (MQTT, OPC UA): one class per protocol behind this small contract, so that
 * lifecycle ({@link ProtocolLifecycle}) and readiness treat them alike.
 */
public interface ProtocolAdapter {

    /** Short name used in health checks and logs, e.g. {@code mqtt}. */
    String name();

    /** Begins serving in the background; never blocks on the device side being reachable. */
    void start();

    /** Leaves the device side; work not yet acknowledged there is delivered again after the next start. */
    void stop();

    /** Readiness of this protocol, named {@link #name()}, with data an operator can act on. */
    HealthCheckResponse health();
}
