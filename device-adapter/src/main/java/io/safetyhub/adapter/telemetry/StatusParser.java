package io.safetyhub.adapter.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.events.DeviceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns a {@code status} payload, {@code {"ts":"…","online":false}}, into a {@link DeviceStatus}. The cause is always
 * STATUS_MESSAGE: a last will is an ordinary retained message by the time it reaches a subscriber, so the adapter
 * cannot tell it from a device that said goodbye cleanly. {@code ts} is optional because a last will is composed
 * when the device connects and so cannot carry the time it is published.
 */
@ApplicationScoped
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
            return new ParsedMessage(List.of(), List.of(), List.of());
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
                    DeviceStatus.Cause.STATUS_MESSAGE, lastSeenAt));
        } catch (RejectedPayload rejected) {
            return ParsedMessage.rejected(rejected.rejection());
        }
    }
}
