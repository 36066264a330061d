package io.safetyhub.training.certificate;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate as callers see it, with its computed status on the day of the call.
 *
 * @param daysToDue days until the earlier of expiry and next review (negative once past)
 * @param history   earlier terms, oldest first
 */
public record CertificateView(String id, String personId, String personName, String enterpriseId, String enterpriseName,
                              String district, CertificateKind kind, String number, String authority, LocalDate issuedOn,
                              LocalDate validUntil, LocalDate nextReview, CertificateStatus status, long daysToDue,
                              String revokedReason, List<Term> history) {
}
