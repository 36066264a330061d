package io.safetyhub.training.activity;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An activity to create or replace. An enterprise user's activity is its own, placed in its district and organised
 * under its registered name ({@code organiser} may be left out, and any other name is refused); regulators and
 * operators name the organiser and give the district (a district regulator only its own). {@code date} lies between
 * 1950 and a year from today (see {@code DateBounds}).
 *
 * @param participants at most a million: more is a typo, and the yearly statistics add them up
 * @param onlineReach  at most a billion views, for the same reason
 */
public record ActivityRequest(@NotNull ActivityKind kind,
                              @NotBlank @Size(max = 200) @PlainText String title,
                              @Size(max = 100) @PlainText String organiser,
                              @Size(max = 64) @PlainText String district,
                              @NotNull LocalDate date,
                              @NotBlank @Size(max = 200) @PlainText String place,
                              @NotBlank @Size(max = 200) @PlainText String audience,
                              @Min(0) @Max(1_000_000) Integer participants,
                              @Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> materials,
                              @Min(0) @Max(1_000_000_000) Long onlineReach) {
}
