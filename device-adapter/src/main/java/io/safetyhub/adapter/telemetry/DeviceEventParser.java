package io.safetyhub.adapter.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeviceEvent;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns an {@code event} payload, {@code {"ts":"…","event":"alarm","level":"II","detail":"…"}}, into a
 * {@link DeviceEvent}. {@code event} is one of {@code alarm, fault, limiter_cutoff, valve_closed, recovered};
 * {@code level} (optional) is the grade the device reports, as a Roman numeral {@code I}–{@code IV} or a colour
 * {@code red, orange, yellow, blue}; {@code detail} (optional) is the device's own words, cut at 1,024 characters.
 * A payload that breaks this is one dead letter, like any other.
 */
// Singleton, not application-scoped: called for every message, and a client proxy looked its instance up on each
// call (2.4 % of device-adapter's CPU at 10,000 readings/s, bench/results/README.md).
@Singleton
public class DeviceEventParser {
    static final int MAX_DETAIL_CHARS = 1024;
    private static final Map<String, AlarmLevel> LEVELS = levels();

    private final String source;
    private final PayloadLimits limits;

    @Inject
    public DeviceEventParser(AdapterConfig config) {
        this(config.source(), PayloadLimits.of(config));
    }

    public DeviceEventParser(String source) {
        this(source, PayloadLimits.DEFAULTS);
    }

    /** A future-dated event would move the engine's watermark for the device as a reading would (issue 15). */
    public DeviceEventParser(String source, PayloadLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    public ParsedMessage parse(DeviceTopic topic, byte[] payload, Instant receivedAt) {
        try {
            ObjectNode root = DevicePayloads.readObject(payload);
            Instant ts = DevicePayloads.timestamp(root, "ts");
            limits.checkTimestamp("ts", ts, receivedAt);
            DeviceEvent.Type type = type(DevicePayloads.text(root, "event", "event"));
            AlarmLevel level = root.hasNonNull("level") ? level(root.get("level")) : null;
            String detail = root.hasNonNull("detail") ? detail(root.get("detail")) : null;
            return ParsedMessage.event(new DeviceEvent(eventId(topic, type, ts), receivedAt, source, topic.deviceId(),
                    topic.enterpriseId(), topic.kind().topicName(), null, type, level, detail, ts, receivedAt));
        } catch (RejectedPayload rejected) {
            return ParsedMessage.rejected(rejected.rejection());
        }
    }

    private static DeviceEvent.Type type(String wire) throws RejectedPayload {
        for (DeviceEvent.Type type : DeviceEvent.Type.values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return type;
            }
        }
        throw new RejectedPayload(DeadLetterReason.BAD_VALUE, "event '" + wire + "' is not one of "
                + Arrays.stream(DeviceEvent.Type.values()).map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
    }

    private static AlarmLevel level(JsonNode node) throws RejectedPayload {
        AlarmLevel level = node.isTextual() ? LEVELS.get(node.asText().strip().toUpperCase(Locale.ROOT)) : null;
        if (level == null) {
            throw new RejectedPayload(DeadLetterReason.BAD_VALUE,
                    "level must be I, II, III, IV (or red, orange, yellow, blue), got " + node);
        }
        return level;
    }

    private static String detail(JsonNode node) throws RejectedPayload {
        if (!node.isTextual()) {
            throw new RejectedPayload(DeadLetterReason.BAD_VALUE, "detail must be a string, got " + node.getNodeType());
        }
        String text = node.asText();
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS);
    }

    private static Map<String, AlarmLevel> levels() {
        Map<String, AlarmLevel> levels = new java.util.HashMap<>();
        for (AlarmLevel level : AlarmLevel.values()) {
            levels.put(level.roman(), level);
            levels.put(level.name(), level);
        }
        return Map.copyOf(levels);
    }

    /** Derived from what the device sent, so that a message sent again yields the same event id. */
    private static UUID eventId(DeviceTopic topic, DeviceEvent.Type type, Instant ts) {
        String seed = topic.enterpriseId() + "|" + topic.deviceId() + "|event|" + type + "|" + ts.toEpochMilli();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}
