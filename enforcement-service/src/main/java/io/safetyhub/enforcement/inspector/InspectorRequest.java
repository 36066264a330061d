package io.safetyhub.enforcement.inspector;

import io.safetyhub.enforcement.roster.Sector;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An inspector as an operator enters or replaces it; {@code active} defaults to true. */
public record InspectorRequest(
        @NotBlank @Size(max = 50) @PlainText String name,
        @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{6,32}", message = "must be 6 to 32 letters, digits or hyphens") String badgeNumber,
        @NotBlank @Size(max = 64) @PlainText String district,
        @Size(max = 64) @PlainText String town,
        @NotEmpty List<@NotNull Sector> sectors,
        @Size(max = 200) List<@NotNull @Valid ConflictRequest> conflicts,
        @Size(max = 100) @PlainText String username,
        Boolean active) {

    public record ConflictRequest(@NotBlank @Size(max = 64) @PlainText String enterpriseId,
                                  @NotBlank @Size(max = 500) @PlainText String reason) {
    }
}
