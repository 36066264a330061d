package io.safetyhub.adapter.protocol;

/**
 * One way devices reach the platform (MQTT now, OPC UA next). Each protocol is one class behind this small contract
 * so that lifecycle, readiness and metrics treat them alike.
 */
public interface ProtocolAdapter {

    /** Short name used in health checks and logs, e.g. {@code mqtt}. */
    String name();

    /** Begins connecting in the background; never blocks on the device side being reachable. */
    void start();

    /** Leaves the device side; work not yet acknowledged there is redelivered on the next start. */
    void stop();

    /** True while connected and receiving: what the readiness check reports. */
    boolean receiving();
}
