package io.safetyhub.warning.alarm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Bodies of the lifecycle actions. */
public final class LifecycleRequests {
    private LifecycleRequests() {
    }

    /** Why an alarm happened, recorded on closing (处置记录). */
    public enum Cause { REAL_DANGER, FALSE_ALARM, MAINTENANCE, CALIBRATION, DEVICE_FAULT }

    public record Acknowledge(@Size(max = 2000) String note) {
    }

    public record Close(@NotNull Cause cause, @NotBlank @Size(max = 2000) String note) {
    }

    public record Shelve(@NotBlank String deviceId, @NotBlank String enterpriseId, @NotNull Instant until,
                         @NotBlank @Size(max = 500) String reason) {
    }
}
