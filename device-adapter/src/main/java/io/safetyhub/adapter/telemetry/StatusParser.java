package io.safetyhub.adapter.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.events.DeviceStatus;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * Turns a {@code status} payload, {@code {"ts":"…","online":false}}, into a {@link DeviceStatus}. By the time a last
 * will reaches a subscriber it is an ordinary retained message; what marks it is the contract: a last will is composed
 * when the device connects, so it carries no {@code ts}, while a device going offline cleanly says when. So
 * {@code online:false} without {@code ts} has cause LAST_WILL, every other status STATUS_MESSAGE.
 */
// Singleton, not application-scoped: called for every message, and a client proxy looked its instance up on each
// call (2.4 % of device-adapter's CPU at 10,000 readings/s, bench/results/README.md).
@Singleton
public class StatusParser {
    private final String source;

    @Inject
    public StatusParser(AdapterConfig config) {
        this(config.source());
    }

    public StatusParser(String source) {
        this.source = source;
    }

    public ParsedMessage parse(DeviceTopic topic, byte[] payload, Instant receivedAt) {
        if (payload.length == 0) {
            // An empty retained publish is how MQTT clears a retained status (device decommissioned): no news.
            return ParsedMessage.nothing();
        }
        try {
            ObjectNode root = DevicePayloads.readObject(payload);
            JsonNode online = DevicePayloads.required(root, "online", "online");
            if (!online.isBoolean()) {
                throw new RejectedPayload(DeadLetterReason.BAD_VALUE, "online must be true or false, got " + online);
            }
            Instant ts = root.hasNonNull("ts") ? DevicePayloads.timestamp(root, "ts") : null;
            // A device saying it is online is seen now; an offline notice without ts says nothing about when it was.
            Instant lastSeenAt = ts != null ? ts : online.booleanValue() ? receivedAt : null;
            return ParsedMessage.status(new DeviceStatus(UUID.randomUUID(), receivedAt, source, topic.deviceId(),
                    topic.enterpriseId(), topic.kind().topicName(), online.booleanValue(),
                    ts == null && !online.booleanValue() ? DeviceStatus.Cause.LAST_WILL : DeviceStatus.Cause.STATUS_MESSAGE,
                    lastSeenAt));
        } catch (RejectedPayload rejected) {
            return ParsedMessage.rejected(rejected.rejection());
        }
    }
}
