package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.device.DeviceKind;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A topic of the MQTT contract, {@code safetyhub/{enterpriseId}/{deviceKind}/{deviceId}/{channel}}. Ids are taken as
 * given (the device registry that will vouch for them comes later) but must be plain tokens, so that an id can be
 * used safely as a Kafka key, in logs and in later lookups.
 */
public record DeviceTopic(String enterpriseId, DeviceKind kind, String deviceId, Channel channel) {

    /** The last level of the topic: what the message is about. */
    public enum Channel { TELEMETRY, EVENT, STATUS }

    static final String ROOT = "safetyhub";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    static DeviceTopic parse(String topic) throws RejectedPayload {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !ROOT.equals(levels[0])) {
            throw new RejectedPayload(DeadLetterReason.BAD_TOPIC,
                    "topic '" + topic + "' is not safetyhub/{enterpriseId}/{deviceKind}/{deviceId}/{telemetry|event|status}");
        }
        requireId("enterpriseId", levels[1], topic);
        requireId("deviceId", levels[3], topic);
        Channel channel = switch (levels[4]) {
            case "telemetry" -> Channel.TELEMETRY;
            case "event" -> Channel.EVENT;
            case "status" -> Channel.STATUS;
            default -> throw new RejectedPayload(DeadLetterReason.BAD_TOPIC,
                    "topic '" + topic + "': channel '" + levels[4] + "' is not handled (telemetry, event, status)");
        };
        DeviceKind kind = DeviceKind.fromTopicName(levels[2]).orElseThrow(() -> new RejectedPayload(
                DeadLetterReason.UNKNOWN_DEVICE, "topic '" + topic + "': unknown device kind '" + levels[2]
                + "' (gas-alarm, gas-detector, tower-crane, tank)"));
        return new DeviceTopic(levels[1], kind, levels[3], channel);
    }

    /** The device id of a topic even when the topic as a whole is rejected, so that the dead letter names it. */
    static String deviceIdOf(String topic) {
        String[] levels = topic.split("/", -1);
        return levels.length == 5 && ID.matcher(levels[3]).matches() ? levels[3] : null;
    }

    private static void requireId(String name, String value, String topic) throws RejectedPayload {
        if (!ID.matcher(value).matches()) {
            throw new RejectedPayload(DeadLetterReason.BAD_TOPIC, "topic '" + topic + "': " + name + " '" + value
                    + "' must be 1-128 of A-Z a-z 0-9 . _ : - and start with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return String.join("/", ROOT, enterpriseId, kind.topicName(), deviceId, channel.name().toLowerCase(Locale.ROOT));
    }
}
