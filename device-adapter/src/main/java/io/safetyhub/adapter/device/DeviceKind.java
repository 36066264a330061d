package io.safetyhub.adapter.device;

import java.util.Arrays;
import java.util.Optional;

/** Device kinds of the MQTT contract, as they appear in topics and in {@code Reading.deviceKind}. */
public enum DeviceKind {
    /** Gas-leak alarm of a restaurant or home (燃气泄漏报警器). */
    GAS_ALARM("gas-alarm"),
    /** Combustible or toxic gas detector in a plant. */
    GAS_DETECTOR("gas-detector"),
    /** Tower-crane safety monitor (塔式起重机安全监控系统). */
    TOWER_CRANE("tower-crane"),
    /** Tank or process instrument. */
    TANK("tank");

    private final String topicName;

    DeviceKind(String topicName) {
        this.topicName = topicName;
    }

    /** The name used in topics, events and metric tags, e.g. {@code gas-alarm}. */
    public String topicName() {
        return topicName;
    }

    public static Optional<DeviceKind> fromTopicName(String name) {
        return Arrays.stream(values()).filter(k -> k.topicName.equals(name)).findFirst();
    }
}
