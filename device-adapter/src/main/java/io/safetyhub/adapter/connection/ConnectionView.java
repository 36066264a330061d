package io.safetyhub.adapter.connection;

import java.time.Instant;

/**
 * A device's MQTT connection as the API shows it: whether it is connected now, since when, how it logged in, and its
 * last connect and disconnect. A device that never connected has {@code connected=false} and nulls.
 */
public record ConnectionView(String deviceId, boolean connected, String protocol, String authentication,
                             Instant lastConnectAt, Instant lastDisconnectAt) {

    static ConnectionView of(String deviceId, ConnectionRecord record) {
        if (record == null) {
            return new ConnectionView(deviceId, false, null, null, null, null);
        }
        return new ConnectionView(deviceId, record.connected(), record.protocol(), record.authentication(),
                record.connectedAt(), record.disconnectedAt());
    }
}
