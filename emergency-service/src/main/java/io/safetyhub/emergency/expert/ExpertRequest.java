package io.safetyhub.emergency.expert;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An expert as enrolled; {@code district} may be left out by a district regulator (its own). */
public record ExpertRequest(
        @NotBlank @Size(max = 40) @PlainText String name,
        @NotBlank @Size(max = 60) @PlainText String specialty,
        @Size(max = 60) @PlainText String title,
        @Size(max = 100) @PlainText String organisation,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9-]{2,19}") String phone,
        @Size(max = 40) @PlainText String district) {
}
