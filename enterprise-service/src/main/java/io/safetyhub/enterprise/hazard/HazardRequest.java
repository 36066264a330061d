package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.enterprise.Sector;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A hazard as reported over REST; the deadline must not be in the past (checked in the platform's zone). */
public record HazardRequest(
        @NotBlank @Size(max = 64) String enterpriseId,
        @NotNull HazardSource source,
        @NotNull HazardGrade grade,
        @NotNull Sector category,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 50) String responsiblePerson,
        @Size(max = 2000) String measures,
        @DecimalMin("0") Double funds,
        @NotNull LocalDate deadline) {
}
