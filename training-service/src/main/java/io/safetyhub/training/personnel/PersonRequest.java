package io.safetyhub.training.personnel;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A person to register or replace. {@code enterpriseId} may be left out by an enterprise user (its own);
 * {@code status} defaults to EMPLOYED; {@code hiredOn} (between 1950 and a year from today) decides whether the initial
 * training hours apply.
 */
public record PersonRequest(@Size(max = 64) String enterpriseId,
                            @NotBlank @Size(max = 50) @PlainText String name,
                            @NotBlank @Size(max = 18) String idCardNumber,
                            @NotBlank @Size(max = 50) @PlainText String post,
                            @NotNull RoleCategory roleCategory,
                            EmploymentStatus status,
                            LocalDate hiredOn) {
}
