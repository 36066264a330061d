package io.safetyhub.enforcement.inspection;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The results of an inspection, one per checklist item, every item answered.
 *
 * @param inspectedOn the day of the visit; today when left out
 */
public record ResultsRequest(LocalDate inspectedOn, @NotEmpty @Size(max = 300) List<@NotNull @Valid Result> results) {

    /**
     * @param grade    for a FAIL: GENERAL or MAJOR; left out, the item decides (a major-hazard criterion is MAJOR)
     * @param deadline for a FAIL: the rectification deadline (整改期限)
     */
    public record Result(@NotBlank @Size(max = 20) String code, @NotNull Inspection.Outcome outcome,
                         @Size(max = 2000) @PlainText String note, Inspection.Grade grade, LocalDate deadline) {
    }
}
