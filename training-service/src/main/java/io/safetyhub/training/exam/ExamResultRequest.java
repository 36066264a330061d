package io.safetyhub.training.exam;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A principal's exam result to record; published separately. The exam took place between 1950 and today. */
public record ExamResultRequest(@NotBlank @Size(max = 64) String personId,
                                @NotBlank @Size(max = 200) @PlainText String examName,
                                @NotNull LocalDate examDate,
                                @NotNull @Min(0) @Max(100) Integer score) {
}
