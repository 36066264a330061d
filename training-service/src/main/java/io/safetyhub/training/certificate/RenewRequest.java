package io.safetyhub.training.certificate;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A new term of the same certificate; number and authority default to the current ones, dates to the kind's cycles. */
public record RenewRequest(@Size(max = 64) @PlainText String number,
                           @Size(max = 100) @PlainText String authority,
                           @NotNull LocalDate issuedOn,
                           LocalDate validUntil,
                           LocalDate nextReview) {
}
