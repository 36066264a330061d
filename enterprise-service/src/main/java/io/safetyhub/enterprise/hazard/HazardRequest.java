package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A hazard as reported over REST. The deadline is a day in the platform's zone, from today up to
 * {@code enterprise.date-horizon} (5 years) ahead: checked by {@link HazardService}, which knows today.
 *
 * @param funds money set aside for rectification, yuan (at most ten billion: more is a typing slip)
 */
public record HazardRequest(
        @NotBlank @Size(max = 64) @PlainText String enterpriseId,
        @NotNull HazardSource source,
        @NotNull HazardGrade grade,
        @NotNull Sector category,
        @NotBlank @Size(max = 2000) @PlainText String description,
        @NotBlank @Size(max = 50) @PlainText String responsiblePerson,
        @Size(max = 2000) @PlainText String measures,
        @DecimalMin("0") @DecimalMax("10000000000") Double funds,
        @NotNull LocalDate deadline) {
}
