package io.safetyhub.enterprise.checks;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the person on the post found: DONE (in order) or FAILED (the measure is not in place; a note says what is
 * wrong and becomes the hazard's description).
 */
public record CheckResultRequest(@NotNull CheckStatus outcome, @Size(max = 2000) @PlainText String note) {
}
