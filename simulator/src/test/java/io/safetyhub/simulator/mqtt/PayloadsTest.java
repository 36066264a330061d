package io.safetyhub.simulator.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldWriteTheContractTelemetryShapeWhenGivenMeasurements() throws Exception {
        byte[] payload = Payloads.telemetry(Instant.parse("2026-11-22T08:00:00.250Z"), List.of(
                new Measurement("gas_lel", 23.5, "%LEL"), new Measurement("battery", 87, "%")));

        JsonNode root = mapper.readTree(payload);

        assertEquals(2, root.size(), "only ts and readings: " + root);
        assertEquals("2026-11-22T08:00:00.250Z", root.get("ts").asText());
        JsonNode readings = root.get("readings");
        assertEquals(2, readings.size());
        assertEquals("gas_lel", readings.get(0).get("metric").asText());
        assertTrue(readings.get(0).get("value").isNumber());
        assertEquals(23.5, readings.get(0).get("value").asDouble());
        assertEquals("%LEL", readings.get(0).get("unit").asText());
        assertEquals("battery", readings.get(1).get("metric").asText());
        assertEquals(87, readings.get(1).get("value").asDouble());
        assertEquals("%", readings.get(1).get("unit").asText());
    }

    @Test
    void shouldKeepMillisecondsWhenTheTimeIsOnAWholeSecond() throws Exception {
        JsonNode root = mapper.readTree(Payloads.telemetry(Instant.parse("2026-11-22T08:00:00Z"), List.of()));

        assertEquals("2026-11-22T08:00:00.000Z", root.get("ts").asText());
    }

    @Test
    void shouldWriteTimestampedStatusWhenTheDeviceStatesItsState() throws Exception {
        JsonNode root = mapper.readTree(Payloads.status(Instant.parse("2026-11-22T08:00:01.500Z"), true));

        assertEquals("2026-11-22T08:00:01.500Z", root.get("ts").asText());
        assertTrue(root.get("online").isBoolean());
        assertTrue(root.get("online").asBoolean());
    }

    @Test
    void shouldSayOfflineWithoutTimestampWhenWritingTheLastWill() throws Exception {
        JsonNode root = mapper.readTree(Payloads.lastWill());

        assertFalse(root.get("online").asBoolean());
        assertFalse(root.has("ts"), "a will is composed at connect time: a ts would be stale");
    }

    @Test
    void shouldFollowTheContractTopicLayoutWhenAddressingADevice() {
        DeviceAddress address = new DeviceAddress("chem-banan-01", "gas-alarm", "GA-0001");

        assertEquals("safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry", address.telemetryTopic());
        assertEquals("safetyhub/chem-banan-01/gas-alarm/GA-0001/status", address.statusTopic());
    }
}
