package io.safetyhub.training.trainingrecord;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A course attended between 1950 and today; {@code examScore} (0-100) is optional, the pass mark comes from the person's
 * category.
 */
public record TrainingRecordRequest(@NotBlank @Size(max = 64) String personId,
                                    @NotBlank @Size(max = 200) @PlainText String course,
                                    @DecimalMin(value = "0.5") @DecimalMax(value = "200") double hours,
                                    @NotNull LocalDate date,
                                    @NotBlank @Size(max = 100) @PlainText String trainer,
                                    @Min(0) @Max(100) Integer examScore) {
}
