package io.safetyhub.enterprise.duty;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A duty check (包保履职检查) of one role: done by {@code personName}, who must be the installation's holder of that
 * role, on {@code date} (not in the future), with what was found.
 */
public record DutyCheckRequest(@NotNull DutyRole role, @NotBlank @Size(max = 50) @PlainText String personName,
                               @NotNull LocalDate date, @NotBlank @Size(max = 2000) @PlainText String findings,
                               @NotNull DutyOutcome outcome) {
}
