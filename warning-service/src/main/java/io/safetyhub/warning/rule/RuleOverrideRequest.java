package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;

/** An enterprise's (or one device's) thresholds for a built-in rule. */
public record RuleOverrideRequest(@NotBlank String ruleId, @NotBlank String enterpriseId, String deviceId,
                                  @NotEmpty @Valid List<StepInput> steps,
                                  @Min(0) @Max(3600) int minDurationSeconds,
                                  @PositiveOrZero double deadBand) {

    public record StepInput(@NotNull AlarmLevel level, @NotNull Double threshold) {
    }
}
