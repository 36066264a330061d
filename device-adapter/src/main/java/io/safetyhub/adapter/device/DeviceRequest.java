package io.safetyhub.adapter.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Map;

/**
 * A device as an operator registers or replaces it. {@code id} is taken from the body on create and must match the
 * path on replace. {@code enabled} absent = true. Cross-field rules (binding per protocol, units per metric) are checked by {@link DeviceService}.
 */
public record DeviceRequest(
        @NotBlank @Pattern(regexp = DeviceRequest.ID, message = "must be 1-128 of A-Z a-z 0-9 . _ : - starting with a letter or digit")
        String id,
        @NotBlank @Pattern(regexp = DeviceRequest.ID, message = "must be 1-128 of A-Z a-z 0-9 . _ : - starting with a letter or digit")
        String enterpriseId,
        String hazardSourceId,
        @Min(1) @Max(4) Integer hazardGrade,
        @NotBlank String kind,
        @NotNull Protocol protocol,
        @Pattern(regexp = DeviceRequest.ID, message = "must be 1-128 of A-Z a-z 0-9 . _ : - starting with a letter or digit")
        String mqttDeviceId,
        @Pattern(regexp = "opc\\.tcp://\\S+", message = "must be an opc.tcp:// URL") String opcUaEndpoint,
        Map<String, String> opcUaNodeIds,
        Map<String, String> metricUnits,
        @Min(1) @Max(86400) Integer publishingIntervalSeconds,
        Boolean maintenance,
        Boolean enabled) {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
}
