package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.MqttEndpoint;

import java.time.Clock;
import java.time.Duration;

/**
 * What every scenario needs.
 *
 * @param endpoint where and how devices connect (URL, credentials, TLS, state kept for unacknowledged messages)
 * @param instance the last part of each device's client id {@code sim-<deviceId>-<instance>}
 * @param interval time between two telemetry messages of one device
 * @param timeout  longest wait for a connection or a PUBACK
 */
public record ScenarioSettings(MqttEndpoint endpoint, String instance, Duration interval, Duration timeout,
                               Clock clock) {

    /** Anonymous devices on plain TCP, state in memory, client ids unique to this process. */
    public ScenarioSettings(String mqttUrl, Duration interval, Duration timeout, Clock clock) {
        this(MqttEndpoint.anonymous(mqttUrl), Long.toString(ProcessHandle.current().pid()), interval, timeout, clock);
    }

    public String mqttUrl() {
        return endpoint.url();
    }
}
