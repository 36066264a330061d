package io.safetyhub.adapter.mqtt;

import io.safetyhub.adapter.device.Device;

import java.util.Set;

/**
 * What an authenticated device may do with topics: publish only on its own
 * {@code safetyhub/{enterprise}/{kind}/{id}/telemetry|event|status}, subscribe only inside its own subtree (nothing is
 * sent there yet; the subtree is where commands will go). Everything else is refused, wildcards and shared
 * subscriptions that reach past the device's own subtree included.
 */
public final class TopicPolicy {
    /** The channels a device publishes on. */
    public static final Set<String> CHANNELS = Set.of("telemetry", "event", "status");
    private static final String ROOT = "safetyhub";

    private TopicPolicy() {
    }

    /** {@code safetyhub/{enterprise}/{kind}/{mqttDeviceId}}: the device's own subtree. */
    public static String subtree(Device device) {
        return String.join("/", ROOT, device.enterpriseId(), device.kind().topicName(), device.mqttDeviceId());
    }

    public static String topic(Device device, String channel) {
        return subtree(device) + "/" + channel;
    }

    public static boolean mayPublish(Device device, String topic) {
        if (topic == null) {
            return false;
        }
        String own = subtree(device) + "/";
        return topic.startsWith(own) && CHANNELS.contains(topic.substring(own.length()));
    }

    /** The device's last will: only its own status topic. */
    public static boolean mayWill(Device device, String topic) {
        return topic(device, "status").equals(topic);
    }

    public static boolean maySubscribe(Device device, String filter) {
        if (filter == null) {
            return false;
        }
        String own = subtree(device);
        // A wildcard before the device's own levels ("safetyhub/+/...", "#") fails the literal prefix.
        return filter.equals(own) || filter.startsWith(own + "/");
    }
}
