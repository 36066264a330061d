package io.safetyhub.training.certificate;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A certificate to record for a person; {@code validUntil} and {@code nextReview} default from the kind. Issued between
 * 1950 and today, the term at most 10 years long ({@code DateBounds}).
 */
public record CertificateRequest(@NotBlank @Size(max = 64) String personId,
                                 @NotNull CertificateKind kind,
                                 @NotBlank @Size(max = 64) @PlainText String number,
                                 @NotBlank @Size(max = 100) @PlainText String authority,
                                 @NotNull LocalDate issuedOn,
                                 LocalDate validUntil,
                                 LocalDate nextReview) {
}
