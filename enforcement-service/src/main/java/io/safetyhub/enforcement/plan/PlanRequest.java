package io.safetyhub.enforcement.plan;

import io.safetyhub.enforcement.roster.RiskColour;
import io.safetyhub.enforcement.roster.Sector;
import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A plan as a regulator enters it. {@code district} may be left out by a district regulator (its own is taken);
 * {@code weights} may be left out (the documented defaults are taken) or give some colours only.
 */
public record PlanRequest(
        @NotBlank @Size(max = 200) @PlainText String title,
        @Size(max = 64) @PlainText String district,
        @Size(max = 64) @PlainText String town,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotEmpty @Size(max = 9) List<@NotNull @Valid QuotaRequest> quotas,
        Map<RiskColour, @NotNull @Min(1) @Max(100) Integer> weights) {

    public record QuotaRequest(@NotNull Sector sector, @Min(1) @Max(500) int count) {
    }
}
