package io.safetyhub.emergency.site;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A shelter as an operator records it; coordinates are required, since the map is what the catalogue is for. */
public record ShelterRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotNull ShelterClass shelterClass,
        @NotNull @Min(1) @Max(1_000_000) Integer capacity,
        @Min(1) @Max(100_000_000) Integer areaSquareMetres,
        @NotBlank @Size(max = 200) @PlainText String address,
        @NotBlank @Size(max = 40) @PlainText String manager,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9-]{2,19}") String phone,
        @NotBlank @Size(max = 40) @PlainText String district,
        @Size(max = 40) @PlainText String town,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {
}
