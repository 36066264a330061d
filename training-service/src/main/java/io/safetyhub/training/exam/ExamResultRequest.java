package io.safetyhub.training.exam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A principal's exam result to record; published separately. */
public record ExamResultRequest(@NotBlank @Size(max = 64) String personId,
                                @NotBlank @Size(max = 200) String examName,
                                @NotNull LocalDate examDate,
                                @NotNull @Min(0) @Max(100) Integer score) {
}
