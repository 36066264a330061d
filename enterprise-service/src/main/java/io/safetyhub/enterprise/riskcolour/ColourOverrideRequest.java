package io.safetyhub.enterprise.riskcolour;

import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A regulator's override of an enterprise's computed colour; the reason is required and kept. */
public record ColourOverrideRequest(@NotNull RiskColour colour, @NotBlank @Size(max = 2000) @PlainText String reason) {
}
