package io.safetyhub.simulator.mqtt;

/** Where a device publishes: {@code safetyhub/{enterpriseId}/{deviceKind}/{deviceId}/{channel}} (architecture.md). */
public record DeviceAddress(String enterpriseId, String kind, String deviceId) {

    public String telemetryTopic() {
        return topic("telemetry");
    }

    public String statusTopic() {
        return topic("status");
    }

    private String topic(String channel) {
        return String.join("/", "safetyhub", enterpriseId, kind, deviceId, channel);
    }
}
