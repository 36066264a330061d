package io.safetyhub.adapter.mqtt;

import io.safetyhub.adapter.connection.ConnectionRepository;
import io.safetyhub.adapter.connection.Replica;
import io.safetyhub.adapter.status.SilenceWatch;
import io.safetyhub.adapter.telemetry.DeviceMessageHandler;
import io.vertx.core.WorkerExecutor;

import java.time.Clock;

/**
 * What every {@link DeviceSession} works with, gathered so that a session is built from its endpoint and this.
 *
 * @param workers        threads for blocking work (credential reads, hashes, connection records), never the event loop
 * @param receiveMaximum QoS 1 messages a device may have unacknowledged with us (MQTT 5 Receive Maximum)
 */
record SessionServices(DeviceMessageHandler handler, ConnectedDevices connected, SilenceWatch silence,
                       ConnectionRepository connections, Replica replica, MqttMetrics metrics,
                       WorkerExecutor workers, Clock clock, int receiveMaximum) {
}
