package io.safetyhub.enforcement.checklist;

import io.safetyhub.enforcement.roster.Sector;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A checklist as an operator enters or replaces it. */
public record ChecklistRequest(
        @NotNull Sector sector,
        @NotBlank @Size(max = 200) @PlainText String title,
        @NotBlank @Size(max = 20) @PlainText String version,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid ItemRequest> items) {

    public record ItemRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}", message = "must be 2 to 20 capitals, digits or hyphens") String code,
            @NotBlank @Size(max = 1000) @PlainText String text,
            @NotBlank @Size(max = 500) @PlainText String legalBasis,
            boolean major) {
    }
}
