package io.safetyhub.adapter.device;

import java.time.Instant;
import java.util.Map;

/** A registered device as the API shows it. */
public record DeviceResponse(String id, String enterpriseId, String hazardSourceId, Integer hazardGrade, String kind,
                             Protocol protocol, String mqttDeviceId, String opcUaEndpoint,
                             Map<String, String> opcUaNodeIds, Map<String, String> metricUnits,
                             int publishingIntervalSeconds, boolean maintenance, boolean enabled,
                             Instant createdAt, Instant updatedAt) {
}
