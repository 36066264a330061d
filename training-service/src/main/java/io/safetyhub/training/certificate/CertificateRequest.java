package io.safetyhub.training.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A certificate to record for a person; {@code validUntil} and {@code nextReview} default from the kind. */
public record CertificateRequest(@NotBlank @Size(max = 64) String personId,
                                 @NotNull CertificateKind kind,
                                 @NotBlank @Size(max = 64) String number,
                                 @NotBlank @Size(max = 100) String authority,
                                 @NotNull LocalDate issuedOn,
                                 LocalDate validUntil,
                                 LocalDate nextReview) {
}
