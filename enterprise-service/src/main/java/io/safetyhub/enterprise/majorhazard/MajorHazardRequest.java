package io.safetyhub.enterprise.majorhazard;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An installation as declared by the enterprise.
 *
 * @param peopleWithin500m people usually present within 500 m (for α, GB 18218-2018 表5)
 * @param substances       the dangerous substances held, each with its maximum quantity present
 */
public record MajorHazardRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotNull UnitType unitType,
        @NotNull @Min(0) @Max(1_000_000) Integer peopleWithin500m,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid SubstanceRequest> substances) {

    /**
     * @param substance a name, alias or CAS number of GB 18218-2018 表1, or any name with a {@code category}
     * @param category  the 表2 hazard category: required when 表1 does not name the substance
     * @param quantity  maximum quantity present, tonnes (more than 0, at most ten million)
     */
    public record SubstanceRequest(
            @NotBlank @Size(max = 100) @PlainText String substance,
            HazardCategory category,
            @NotNull @Positive @DecimalMax("10000000") Double quantity) {
    }
}
