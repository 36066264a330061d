package io.safetyhub.adapter.device;

import io.safetyhub.events.DeviceChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceMapperTest {
    private static final Instant T = Instant.parse("2026-11-22T08:00:00.250Z");
    private final DeviceMapper mapper = new DeviceMapper();

    @Test
    void shouldRoundTripUnchangedWhenStoredAsADocument() {
        Device device = new Device("TK-T101", "chem-banan-01", "MHS-1", 2, DeviceKind.TANK, Protocol.OPC_UA, null,
                "opc.tcp://plant:4840", Map.of("level", "ns=2;s=T101/level"), Map.of("level", "cm"), 15, true, T, T);

        assertEquals(device, mapper.fromDocument(mapper.toDocument(device)));
    }

    @Test
    void shouldPublishCanonicalUnitsWhenTheSourceReportsOthers() {
        Device device = new Device("TK-T101", "chem-banan-01", null, null, DeviceKind.TANK, Protocol.OPC_UA, null,
                "opc.tcp://plant:4840", Map.of("level", "n"), Map.of("level", "cm", "pressure", "kPa"), 30, false, T, T);

        DeviceChanged event = mapper.toEvent(device, DeviceChanged.Change.CREATED, "device-adapter", T);

        assertEquals(Map.of("level", "m", "pressure", "MPa"), event.metricUnits());
        assertEquals("OPC_UA", event.protocol());
        assertNull(event.hazardGrade());
    }

    @Test
    void shouldBindTheMqttIdToTheDeviceIdWhenTheRequestGivesNone() {
        DeviceRequest request = new DeviceRequest("GA-9", "chem-banan-01", null, null, "gas-alarm", Protocol.MQTT, null,
                null, null, Map.of("gas_lel", "%LEL"), null, null, null);

        Device device = mapper.fromRequest(request, DeviceKind.GAS_ALARM, T, T);

        assertEquals("GA-9", device.mqttDeviceId());
        assertEquals(30, device.publishingIntervalSeconds());
        assertTrue(device.enabled(), "enabled unless the operator says otherwise");
    }

    @Test
    void shouldKeepTheDeviceDisabledWhenStoredAndReadBack() {
        DeviceRequest request = new DeviceRequest("GA-9", "chem-banan-01", null, null, "gas-alarm", Protocol.MQTT, null,
                null, null, Map.of(), null, null, false);
        Device device = mapper.fromRequest(request, DeviceKind.GAS_ALARM, T, T);

        assertFalse(device.enabled());
        assertEquals(device, mapper.fromDocument(mapper.toDocument(device)));
        assertFalse(mapper.toResponse(device).enabled());
    }
}
