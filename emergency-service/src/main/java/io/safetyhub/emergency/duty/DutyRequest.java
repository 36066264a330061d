package io.safetyhub.emergency.duty;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A day's rota. {@code district} may be left out by a regulator of one district (its own); {@code town} names a
 * town's rota, absent for the district's own.
 */
public record DutyRequest(
        @Size(max = 40) @PlainText String district,
        @Size(max = 40) @PlainText String town,
        @NotNull @Valid Person leader,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Person> officers) {

    /** A phone is 3 to 20 digits, optionally with a leading + and dashes (a desk line 023-6288xxxx). */
    public record Person(
            @NotBlank @Size(max = 40) @PlainText String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9][0-9-]{2,19}") String phone,
            @Size(max = 60) @PlainText String post) {
    }
}
