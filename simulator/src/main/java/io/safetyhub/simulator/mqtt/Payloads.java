package io.safetyhub.simulator.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The JSON bodies of the MQTT contract, exactly as architecture.md shows them. */
public final class Payloads {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Always three fraction digits, even at .000, as the contract's example shows. */
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Payloads() {
    }

    /** {@code {"ts":"2026-11-22T08:00:00.250Z","readings":[{"metric":"gas_lel","value":23.5,"unit":"%LEL"}]}} */
    public static byte[] telemetry(Instant ts, List<Measurement> measurements) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ts", timestamp(ts));
        ArrayNode readings = root.putArray("readings");
        for (Measurement measurement : measurements) {
            readings.addObject()
                    .put("metric", measurement.metric())
                    .put("value", measurement.value())
                    .put("unit", measurement.unit());
        }
        return write(root);
    }

    /** {@code {"ts":"…","online":true}}, published retained on the device's status topic. */
    public static byte[] status(Instant ts, boolean online) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ts", timestamp(ts));
        root.put("online", online);
        return write(root);
    }

    /** The last will: composed at connect time, so it carries no {@code ts} that would be stale when the broker sends it. */
    public static byte[] lastWill() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("online", false);
        return write(root);
    }

    public static String timestamp(Instant ts) {
        return TS.format(ts);
    }

    private static byte[] write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree of plain values", e);
        }
    }
}
