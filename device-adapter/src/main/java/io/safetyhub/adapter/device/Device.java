package io.safetyhub.adapter.device;

import java.time.Instant;
import java.util.Map;

/**
 * One registered device as the adapter keeps it (Mongo collection {@code devices}, {@code _id} = id). Never sent
 * over REST: {@link DeviceMapper} turns it into a {@link DeviceResponse}.
 *
 * @param mqttDeviceId      the id the device uses in its MQTT topics (MQTT only)
 * @param opcUaEndpoint     {@code opc.tcp://host:port/path} of the server carrying its values (OPC_UA only)
 * @param opcUaNodeIds      node id per metric, e.g. {@code level -> ns=2;s=TankFarm/T101/Level} (OPC_UA only)
 * @param metricUnits       unit the source reports each metric in (an OPC UA value has none of its own)
 * @param enabled           false: an operator took the device out of service; it may not log in (MQTT) and is not
 *                          read (OPC UA), its live connection is closed
 */
public record Device(String id, String enterpriseId, String hazardSourceId, Integer hazardGrade, DeviceKind kind,
                     Protocol protocol, String mqttDeviceId, String opcUaEndpoint, Map<String, String> opcUaNodeIds,
                     Map<String, String> metricUnits, int publishingIntervalSeconds, boolean maintenance,
                     Instant createdAt, Instant updatedAt, boolean enabled) {

    /** An enabled device. */
    public Device(String id, String enterpriseId, String hazardSourceId, Integer hazardGrade, DeviceKind kind,
                  Protocol protocol, String mqttDeviceId, String opcUaEndpoint, Map<String, String> opcUaNodeIds,
                  Map<String, String> metricUnits, int publishingIntervalSeconds, boolean maintenance,
                  Instant createdAt, Instant updatedAt) {
        this(id, enterpriseId, hazardSourceId, hazardGrade, kind, protocol, mqttDeviceId, opcUaEndpoint, opcUaNodeIds,
                metricUnits, publishingIntervalSeconds, maintenance, createdAt, updatedAt, true);
    }

    public Device {
        opcUaNodeIds = opcUaNodeIds == null ? Map.of() : Map.copyOf(opcUaNodeIds);
        metricUnits = metricUnits == null ? Map.of() : Map.copyOf(metricUnits);
    }
}
