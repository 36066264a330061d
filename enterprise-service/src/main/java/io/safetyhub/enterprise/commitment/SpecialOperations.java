package io.safetyhub.enterprise.commitment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Special operations (特殊作业, GB 30871-2022) under way today, by kind: hot work (动火), confined space
 * (受限空间), blind-plate (盲板抽堵), work at height (高处), lifting (吊装), temporary electricity (临时用电),
 * earthworks (动土) and road closure (断路).
 */
public record SpecialOperations(@NotNull @Min(0) @Max(999) Integer hotWork, @NotNull @Min(0) @Max(999) Integer confinedSpace,
                                @NotNull @Min(0) @Max(999) Integer blindPlate, @NotNull @Min(0) @Max(999) Integer workAtHeight,
                                @NotNull @Min(0) @Max(999) Integer lifting, @NotNull @Min(0) @Max(999) Integer temporaryElectricity,
                                @NotNull @Min(0) @Max(999) Integer earthworks, @NotNull @Min(0) @Max(999) Integer roadClosure) {
}
