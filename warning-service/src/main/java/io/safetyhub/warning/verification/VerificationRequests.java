package io.safetyhub.warning.verification;

import io.safetyhub.platform.rest.PlainText;
import io.safetyhub.warning.alarm.LifecycleRequests;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the verification calls; every string bounded and free of control characters. */
public final class VerificationRequests {
    private VerificationRequests() {
    }

    /** A regulator's decision: accept, or return with a note saying what is missing. */
    public record Decision(@NotNull Boolean accept, @Size(max = 2000) @PlainText String note) {
    }

    /** The enterprise's disposal again, after it was returned. */
    public record Resubmission(@NotNull LifecycleRequests.Cause cause,
                               @NotBlank @Size(max = 2000) @PlainText String note) {
    }
}
