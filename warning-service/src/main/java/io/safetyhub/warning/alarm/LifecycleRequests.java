package io.safetyhub.warning.alarm;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Bodies of the lifecycle actions; every string bounded and free of control characters (issue 15 item 4). */
public final class LifecycleRequests {
    private LifecycleRequests() {
    }

    /** Why an alarm happened, recorded on closing (处置记录). */
    public enum Cause { REAL_DANGER, FALSE_ALARM, MAINTENANCE, CALIBRATION, DEVICE_FAULT }

    public record Acknowledge(@Size(max = 2000) @PlainText String note) {
    }

    public record Close(@NotNull Cause cause, @NotBlank @Size(max = 2000) @PlainText String note) {
    }

    public record Shelve(@NotBlank @Size(max = 128) @PlainText String deviceId,
                         @NotBlank @Size(max = 64) @PlainText String enterpriseId, @NotNull Instant until,
                         @NotBlank @Size(max = 500) @PlainText String reason) {
    }
}
