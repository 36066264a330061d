package io.safetyhub.emergency.material;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Move {@code quantity} from one stock to another of the same item and unit. */
public record DispatchRequest(
        @NotBlank @Size(max = 64) String fromMaterialId,
        @NotBlank @Size(max = 64) String toMaterialId,
        @NotNull @Min(1) @Max(1_000_000_000L) Long quantity,
        @NotBlank @Size(max = 500) @PlainText String reason) {
}
