package io.safetyhub.enterprise.hazard;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One step of a hazard's life.
 *
 * @param note evidence (photos' reference, acceptance record) or, for a rejection, the reason (required)
 */
public record TransitionRequest(@NotNull HazardStatus to, @Size(max = 2000) @PlainText String note) {
}
