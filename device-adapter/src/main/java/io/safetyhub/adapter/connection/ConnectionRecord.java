package io.safetyhub.adapter.connection;

import java.time.Instant;

/**
 * The latest MQTT connection of one device (Mongo collection {@code device_connections}, {@code _id} = device id),
 * written by the replica that holds it: which replica and connection, how the device logged in, when it connected
 * and, once it left, when. Shared by the replicas, so that one does not report a device silent that is connected to
 * another, and so that the console can show the connection state.
 *
 * @param protocol       {@code MQTT 5} or {@code MQTT 3.1.1}
 * @param authentication {@code PASSWORD} or {@code CERTIFICATE}
 * @param disconnectedAt null while connected (or while the replica that held it has not said otherwise)
 */
public record ConnectionRecord(String deviceId, String connectionId, String replica, String protocol,
                               String authentication, Instant connectedAt, Instant disconnectedAt) {

    public boolean connected() {
        return disconnectedAt == null;
    }
}
