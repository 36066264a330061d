package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A risk point as declared. For LEC give {@code l}, {@code e}, {@code c} on the method's scales; for LS give
 * {@code l} and {@code s}, 1–5. Measure and task ids may be given to keep them across edits (task instances refer to
 * them); new ones get an id.
 */
public record RiskPointRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Size(max = 30) List<@NotBlank @Size(max = 500) @PlainText String> hazards,
        @NotNull GradingMethod method,
        Double l, Double e, Double c, Double s,
        @Size(max = 30) List<@NotNull @Valid MeasureRequest> measures) {

    public record MeasureRequest(
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id,
            @NotBlank @Size(max = 500) @PlainText String description,
            @Size(max = 30) List<@NotNull @Valid TaskRequest> tasks) {
    }

    public record TaskRequest(
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id,
            @NotBlank @Size(max = 500) @PlainText String content,
            @NotNull CheckFrequency frequency,
            @NotBlank @Size(max = 50) @PlainText String post) {
    }
}
