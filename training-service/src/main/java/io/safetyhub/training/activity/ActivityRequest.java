package io.safetyhub.training.activity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An activity to create or replace. An enterprise user's activity is its own, placed in its district;
 * regulators and operators give the district (a district regulator only its own).
 */
public record ActivityRequest(@NotNull ActivityKind kind,
                              @NotBlank @Size(max = 200) String title,
                              @NotBlank @Size(max = 100) String organiser,
                              @Size(max = 64) String district,
                              @NotNull LocalDate date,
                              @NotBlank @Size(max = 200) String place,
                              @NotBlank @Size(max = 200) String audience,
                              @Min(0) Integer participants,
                              @Size(max = 50) List<@NotBlank @Size(max = 200) String> materials,
                              @Min(0) Long onlineReach) {
}
