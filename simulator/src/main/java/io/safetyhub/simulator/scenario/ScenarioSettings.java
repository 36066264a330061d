package io.safetyhub.simulator.scenario;

import java.time.Clock;
import java.time.Duration;

/**
 * What every scenario needs.
 *
 * @param interval time between two telemetry messages of one device
 * @param timeout  longest wait for a connection or a PUBACK
 */
public record ScenarioSettings(String mqttUrl, Duration interval, Duration timeout, Clock clock) {
}
