package io.safetyhub.emergency.plan;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A plan as its owner records it. An enterprise's plan is its own (no id to give); a regulator records its
 * district's plan ({@code district} for a city-wide regulator).
 */
public record PlanRequest(
        @NotBlank @Size(max = 200) @PlainText String title,
        @NotNull PlanKind kind,
        @NotBlank @Size(max = 40) @PlainText String version,
        @NotNull LocalDate publishedOn,
        LocalDate reviewedOn,
        @Size(max = 40) @PlainText String district) {
}
