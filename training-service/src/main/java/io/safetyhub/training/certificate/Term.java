package io.safetyhub.training.certificate;

import java.time.Instant;
import java.time.LocalDate;

/** One term of a certificate; a renewal moves the current term into the history with who replaced it and when. */
public record Term(String number, String authority, LocalDate issuedOn, LocalDate validUntil, LocalDate nextReview,
                   Instant replacedAt, String replacedBy) {
}
