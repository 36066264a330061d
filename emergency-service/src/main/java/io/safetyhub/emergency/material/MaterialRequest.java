package io.safetyhub.emergency.material;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A stock as its keeper records it; a TOWN stock names its town, a VILLAGE stock its town and village. */
public record MaterialRequest(
        @NotBlank @Size(max = 100) @PlainText String item,
        @NotBlank @Size(max = 20) @PlainText String unit,
        @NotNull @Min(0) @Max(1_000_000_000L) Long quantity,
        @NotNull Tier tier,
        @Size(max = 40) @PlainText String district,
        @Size(max = 40) @PlainText String town,
        @Size(max = 60) @PlainText String village,
        @NotBlank @Size(max = 200) @PlainText String location,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        LocalDate expiresOn,
        LocalDate maintainedOn,
        LocalDate nextMaintenanceOn,
        @NotNull @Min(0) @Max(1_000_000_000L) Long lowStockThreshold) {
}
