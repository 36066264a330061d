package io.safetyhub.emergency.team;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team as its keeper records it. */
public record TeamRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotBlank @Size(max = 60) @PlainText String specialty,
        @NotNull @Min(1) @Max(100_000) Integer members,
        @NotBlank @Size(max = 40) @PlainText String leader,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9-]{2,19}") String phone,
        @NotNull Readiness readiness,
        @Size(max = 40) @PlainText String district,
        @Size(max = 40) @PlainText String town,
        @NotBlank @Size(max = 200) @PlainText String base,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @DecimalMin("-90") @DecimalMax("90") Double latitude) {
}
