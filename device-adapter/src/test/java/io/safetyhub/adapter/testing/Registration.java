package io.safetyhub.adapter.testing;

import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.Protocol;

import java.time.Instant;
import java.util.Map;

/** Registry entries for test devices: telemetry of unregistered devices is dead-lettered. */
public final class Registration {
    private Registration() {
    }

    public static Device mqtt(String id, String enterpriseId, DeviceKind kind) {
        return mqtt(id, enterpriseId, kind, null, 30);
    }

    /** The same entry, taken out of service by an operator. */
    public static Device disabled(Device d) {
        return new Device(d.id(), d.enterpriseId(), d.hazardSourceId(), d.hazardGrade(), d.kind(), d.protocol(),
                d.mqttDeviceId(), d.opcUaEndpoint(), d.opcUaNodeIds(), d.metricUnits(), d.publishingIntervalSeconds(),
                d.maintenance(), d.createdAt(), d.updatedAt(), false);
    }

    public static Device mqtt(String id, String enterpriseId, DeviceKind kind, String hazardSourceId,
                              int publishingIntervalSeconds) {
        Instant now = Instant.now();
        return new Device(id, enterpriseId, hazardSourceId, hazardSourceId == null ? null : 1, kind, Protocol.MQTT, id,
                null, Map.of(), Map.of(), publishingIntervalSeconds, false, now, now);
    }
}
