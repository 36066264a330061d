package io.safetyhub.training.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's certificate as stored in {@code certificates}; {@code enterpriseId} is copied from the person
 * so that tenant-scoped lists need no join. Status is not stored: {@link CertificateRules#status} computes it.
 */
public record Certificate(String id, String personId, String enterpriseId, CertificateKind kind, String number,
                          String authority, LocalDate issuedOn, LocalDate validUntil, LocalDate nextReview,
                          boolean revoked, String revokedReason, Instant revokedAt, String revokedBy,
                          List<Term> history, Instant createdAt) {

    public Certificate {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The earlier of expiry and next review: the day the certificate stops being usable unless acted on. */
    public LocalDate firstDue() {
        return nextReview != null && nextReview.isBefore(validUntil) ? nextReview : validUntil;
    }
}
