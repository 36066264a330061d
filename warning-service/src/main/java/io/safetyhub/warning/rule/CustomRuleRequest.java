package io.safetyhub.warning.rule;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

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
                                @NotBlank @Size(max = 64) @PlainText String enterpriseId,
                                @Size(max = 128) @PlainText String deviceId,
                                @NotEmpty @Size(max = 4) @Valid List<RuleOverrideRequest.@NotNull StepInput> steps,
                                @Min(0) @Max(3600) int minDurationSeconds,
                                @PositiveOrZero @DecimalMax("1000000") double deadBand) {
}
