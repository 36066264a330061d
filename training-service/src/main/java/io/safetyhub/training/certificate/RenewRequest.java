package io.safetyhub.training.certificate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A new term of the same certificate; number and authority default to the current ones, dates to the kind's cycles. */
public record RenewRequest(@Size(max = 64) String number,
                           @Size(max = 100) String authority,
                           @NotNull LocalDate issuedOn,
                           LocalDate validUntil,
                           LocalDate nextReview) {
}
