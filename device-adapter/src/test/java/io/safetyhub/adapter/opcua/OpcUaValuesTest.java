package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class OpcUaValuesTest {
    private static final Instant T = Instant.parse("2026-11-22T08:00:00.250Z");
    private static final Device TANK = new Device("TK-1", "chem-banan-01", "MHS-1", 1, DeviceKind.TANK,
            Protocol.OPC_UA, null, "opc.tcp://plant:4840", Map.of("temperature", "ns=2;s=T/temp"),
            Map.of("temperature", "K"), 30, false, T, T);
    private static final Binding BINDING = new Binding(TANK, "temperature", NodeId.parse("ns=2;s=T/temp"), "K");

    @Test
    void shouldMapSeverityToQualityWhenStatusCodesDiffer() {
        assertEquals(Quality.GOOD, OpcUaValues.quality(StatusCode.GOOD));
        assertEquals(Quality.UNCERTAIN, OpcUaValues.quality(new StatusCode(StatusCodes.Uncertain_LastUsableValue)));
        assertEquals(Quality.BAD, OpcUaValues.quality(new StatusCode(StatusCodes.Bad_SensorFailure)));
        assertEquals(Quality.GOOD, OpcUaValues.quality(null));
    }

    @Test
    void shouldConvertToTheCanonicalUnitAndKeepTheSourceTimeWhenTheValueIsNumeric() {
        DataValue value = new DataValue(new Variant(300.15), new StatusCode(StatusCodes.Uncertain_LastUsableValue),
                new DateTime(T), new DateTime(T.plusSeconds(1)));

        Reading reading = OpcUaValues.toReading(BINDING, value, T.plusSeconds(2), "device-adapter").reading();

        assertNotNull(reading);
        assertEquals(27.0, reading.value(), 1e-9);
        assertEquals("°C", reading.unit());
        assertEquals(T, reading.sourceTimestamp());
        assertEquals(Quality.UNCERTAIN, reading.quality());
        assertEquals("MHS-1", reading.hazardSourceId());
    }

    @Test
    void shouldRefuseWhenTheValueIsNotANumber() {
        DataValue value = new DataValue(new Variant("hot"));

        OpcUaValues.Outcome outcome = OpcUaValues.toReading(BINDING, value, T, "device-adapter");

        assertNull(outcome.reading());
        assertNotNull(outcome.refusal());
    }
}
