package io.safetyhub.adapter.status;

/** Which devices hold an MQTT connection to this replica (implemented by the MQTT listener's connection table). */
public interface LocalConnections {
    boolean holds(String deviceId);
}
