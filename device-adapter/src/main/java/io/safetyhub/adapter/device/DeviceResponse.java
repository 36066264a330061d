package io.safetyhub.adapter.device;

import io.safetyhub.adapter.installation.HazardSourceRule;

import java.time.Instant;
import java.util.Map;

/**
 * A registered device as the API shows it. {@code hazardSourceStatus}: null without a {@code hazardSourceId};
 * REGISTERED when the major-hazard register knows that installation for the device's enterprise; GRADE_DIFFERS when
 * it grades it otherwise than the device; UNKNOWN when it does not know it (deleted after the device was bound, or not
 * published yet).
 */
public record DeviceResponse(String id, String enterpriseId, String hazardSourceId, Integer hazardGrade, String kind,
                             Protocol protocol, String mqttDeviceId, String opcUaEndpoint,
                             Map<String, String> opcUaNodeIds, Map<String, String> metricUnits,
                             int publishingIntervalSeconds, boolean maintenance, boolean enabled,
                             Instant createdAt, Instant updatedAt,
                             HazardSourceRule.Binding hazardSourceStatus) {
}
