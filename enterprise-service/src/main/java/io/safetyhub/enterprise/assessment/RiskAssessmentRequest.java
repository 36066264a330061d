package io.safetyhub.enterprise.assessment;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A regulator's 100-point assessment of a hazardous-chemical enterprise (the 2018 guide): the day, who assessed, the
 * points taken off per item (codes of {@code GET /api/risk-assessments/items}), the bonuses granted and the direct-red
 * conditions found. {@code bonuses} and {@code directRed} may be left out (none).
 */
public record RiskAssessmentRequest(@NotNull LocalDate assessedOn, @NotBlank @Size(max = 100) @PlainText String assessor,
                                    @NotNull @Size(max = 50) List<@NotNull @Valid Deduction> deductions,
                                    @Size(max = 10) List<@NotBlank @Size(max = 10) String> bonuses,
                                    @Size(max = 4) List<@NotNull DirectRed> directRed,
                                    @Size(max = 2000) @PlainText String note) {

    /** Points taken off one item; the item's maximum is checked against the guide's table. */
    public record Deduction(@NotBlank @Size(max = 10) String code, @NotNull BigDecimal points,
                            @Size(max = 500) @PlainText String finding) {
    }
}
