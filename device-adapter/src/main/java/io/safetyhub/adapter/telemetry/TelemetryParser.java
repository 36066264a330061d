package io.safetyhub.adapter.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.units.CanonicalUnits;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a telemetry payload into readings in canonical units. The envelope ({@code ts}, {@code readings}) is decided
 * per payload: without it no entry can be dated, so the whole payload is one dead letter. Each entry is decided on
 * its own: a bad entry becomes a dead letter and the good entries around it still become readings. A payload dated
 * too far ahead of the adapter's clock, or with too many entries, is one dead letter as a whole ({@link PayloadLimits}).
 */
// Singleton, not application-scoped: called for every message, and a client proxy looked its instance up on each
// call (2.4 % of device-adapter's CPU at 10,000 readings/s, bench/results/README.md).
@Singleton
public class TelemetryParser {
    private final String source;
    private final PayloadLimits limits;

    @Inject
    public TelemetryParser(AdapterConfig config) {
        this(config.source(), PayloadLimits.of(config));
    }

    public TelemetryParser(String source) {
        this(source, PayloadLimits.DEFAULTS);
    }

    public TelemetryParser(String source, PayloadLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    public ParsedMessage parse(DeviceTopic topic, byte[] payload, Instant receivedAt) {
        Instant ts;
        JsonNode entries;
        try {
            ObjectNode root = DevicePayloads.readObject(payload);
            ts = DevicePayloads.timestamp(root, "ts");
            limits.checkTimestamp("ts", ts, receivedAt);
            entries = DevicePayloads.required(root, "readings", "readings");
            if (!entries.isArray()) {
                throw new RejectedPayload(DeadLetterReason.BAD_VALUE, "readings must be an array, got " + entries.getNodeType());
            }
            if (entries.isEmpty()) {
                throw new RejectedPayload(DeadLetterReason.MISSING_FIELD, "readings is empty");
            }
            limits.checkReadingCount(entries.size());
        } catch (RejectedPayload rejected) {
            return ParsedMessage.rejected(rejected.rejection());
        }
        List<Reading> readings = new ArrayList<>(entries.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                readings.add(reading(topic, entries.get(i), i, ts, receivedAt));
            } catch (RejectedPayload rejected) {
                rejections.add(rejected.rejection());
            }
        }
        return ParsedMessage.of(readings, rejections);
    }

    private Reading reading(DeviceTopic topic, JsonNode entry, int index, Instant ts, Instant receivedAt)
            throws RejectedPayload {
        String path = "readings[" + index + "]";
        if (!entry.isObject()) {
            throw new RejectedPayload(DeadLetterReason.BAD_VALUE, path + " must be an object, got " + entry.getNodeType());
        }
        String metric = DevicePayloads.text(entry, "metric", path + ".metric");
        JsonNode valueNode = DevicePayloads.required(entry, "value", path + ".value");
        if (!valueNode.isNumber()) {
            throw new RejectedPayload(DeadLetterReason.BAD_VALUE, path + ".value must be a number, got " + valueNode);
        }
        double value = valueNode.doubleValue();
        if (!Double.isFinite(value)) {
            throw new RejectedPayload(DeadLetterReason.NON_FINITE, path + ".value of " + metric + " is " + value);
        }
        String unit = DevicePayloads.text(entry, "unit", path + ".unit");
        CanonicalUnits.Converted converted = CanonicalUnits.convert(metric, unit, value)
                .orElseThrow(() -> unknownUnit(path, metric, unit));
        if (!Double.isFinite(converted.value())) {
            throw new RejectedPayload(DeadLetterReason.NON_FINITE,
                    path + ".value " + value + " " + unit + " overflows when converted to " + converted.unit());
        }
        String gas = entry.hasNonNull("gas") ? DevicePayloads.text(entry, "gas", path + ".gas") : null;
        return new Reading(eventId(topic, metric, ts, index), receivedAt, source, topic.deviceId(),
                topic.enterpriseId(), topic.kind().topicName(), null, metric, converted.value(), converted.unit(), gas,
                ts, receivedAt, Quality.GOOD);
    }

    private static RejectedPayload unknownUnit(String path, String metric, String unit) {
        return CanonicalUnits.canonicalUnitOf(metric)
                .map(canonical -> new RejectedPayload(DeadLetterReason.UNKNOWN_UNIT,
                        path + ": unit '" + unit + "' does not convert to " + canonical + " for " + metric))
                .orElseGet(() -> new RejectedPayload(DeadLetterReason.UNKNOWN_UNIT,
                        path + ": metric '" + metric + "' has no canonical unit"));
    }

    /**
     * Derived from what the device sent, so that a message the broker redelivers (the adapter acknowledges only after
     * Kafka has the readings) yields the same event ids and consumers can recognise the repeat.
     */
    private static UUID eventId(DeviceTopic topic, String metric, Instant ts, int index) {
        String seed = topic.enterpriseId() + "|" + topic.deviceId() + "|" + metric + "|" + ts.toEpochMilli() + "|" + index;
        return NameUuids.fromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}
