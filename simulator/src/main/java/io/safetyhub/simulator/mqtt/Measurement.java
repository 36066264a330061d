package io.safetyhub.simulator.mqtt;

/** One entry of a telemetry payload: a metric, its value and the unit the device reports it in. */
public record Measurement(String metric, double value, String unit) {
}
