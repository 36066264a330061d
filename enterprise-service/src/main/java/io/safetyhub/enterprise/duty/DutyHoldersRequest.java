package io.safetyhub.enterprise.duty;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The three 包保责任人 of an installation; the 办法 (第三条) asks for all three, so each is required. Replacing a holder
 * keeps the role's {@code since}: the duty runs on without a gap.
 */
public record DutyHoldersRequest(@NotNull @Valid Person main, @NotNull @Valid Person technical,
                                 @NotNull @Valid Person operational) {

    /** 5-15 digits in all, '+', '-' and spaces allowed between them (as the disclosure takes phones). */
    static final String PHONE = "(?=(?:[^0-9]*[0-9]){5,15}[^0-9]*$)[0-9+\\- ]{5,20}";

    /** A person: name, position (职务) and phone. */
    public record Person(@NotBlank @Size(max = 50) @PlainText String name,
                         @NotBlank @Size(max = 50) @PlainText String position,
                         @NotBlank @Size(max = 20) @Pattern(regexp = PHONE, message = "5-15 digits, with '+', '-' or spaces")
                         String phone) {
    }

    public Person of(DutyRole role) {
        return switch (role) {
            case MAIN -> main;
            case TECHNICAL -> technical;
            case OPERATIONAL -> operational;
        };
    }
}
