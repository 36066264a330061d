package io.safetyhub.warning.rule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;

/**
 * A rule for a metric the standards leave to plant design or the manufacturer (tank level, temperature,
 * pressure; crane tilt): scoped to an enterprise, optionally narrowed to one device kind or one device.
 */
public record CustomRuleRequest(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,63}",
                                        message = "lower-case letters, digits and _ starting with a letter") String metric,
                                @NotNull Rule.Comparison comparison,
                                @Pattern(regexp = "[a-z][a-z0-9-]{0,31}",
                                        message = "lower-case letters, digits and - starting with a letter") String deviceKind,
                                @NotBlank String enterpriseId, String deviceId,
                                @NotEmpty @Valid List<RuleOverrideRequest.StepInput> steps,
                                @Min(0) @Max(3600) int minDurationSeconds,
                                @PositiveOrZero double deadBand) {
}
