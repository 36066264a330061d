package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An enterprise's (or one device's) thresholds for a built-in rule. Sizes bound every string and list (there are four
 * levels, so at most four steps); ids are at most 64 (rule, enterprise) or 128 (device) characters.
 */
public record RuleOverrideRequest(@NotBlank @Size(max = 64) @PlainText String ruleId,
                                  @NotBlank @Size(max = 64) @PlainText String enterpriseId,
                                  @Size(max = 128) @PlainText String deviceId,
                                  @NotEmpty @Size(max = 4) @Valid List<@NotNull StepInput> steps,
                                  @Min(0) @Max(3600) int minDurationSeconds,
                                  @PositiveOrZero @DecimalMax("1000000") double deadBand) {

    public record StepInput(@NotNull AlarmLevel level, @NotNull Double threshold) {
    }
}
